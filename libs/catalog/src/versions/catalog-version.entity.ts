import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a version is in its life: proposed, in force, or replaced by a later one. */
export enum CatalogVersionState {
  /** Proposed (or approved and waiting for its effective date); not in force. */
  Draft = 'draft',
  Active = 'active',
  Superseded = 'superseded',
  /** Proposed by a change of the matrix that was rejected or cancelled: never in force. */
  Discarded = 'discarded',
}

/** Who made a version that no user made: the matrix files read at start. */
export const DEPLOYMENT = 'deployment';

/** One version of the matrix: every product's file as YAML text, and when it was in force. */
@Entity({ name: 'catalog_versions' })
export class CatalogVersion {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** 1, 2, 3…: the number requests pin. */
  @Column({ type: 'integer' })
  version!: number;

  /** Each product's file (`generic`, `mariadb`…) as YAML text. */
  @Column({ type: 'jsonb' })
  files!: Record<string, string>;

  /** SHA-256 of the files (names and texts), to tell a changed matrix from the same one. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  /** `deployment`, or the id of the user who proposed it. */
  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: CatalogVersionState;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When it is to become active (once approved); null: at once. */
  @Column({ name: 'effective_at', type: 'timestamptz', nullable: true })
  effectiveAt!: Date | null;

  /** When activation was decided (approval); a draft without it is only proposed. */
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
