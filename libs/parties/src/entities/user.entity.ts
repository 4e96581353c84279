import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../parties.types';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /**
   * Stored lower-case; unique within the organization (`users_organization_id_email_key`). The
   * same person may have an account in several organizations, and chooses one at sign-in.
   */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'jsonb' })
  roles!: Role[];

  /**
   * The identity provider's `sub` for this user: set by an admin (a service account's client id), or
   * linked at the person's first sign-in by verified email. Unique; afterwards it alone identifies them.
   */
  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true })
  oidcSubject!: string | null;

  /** A deactivated user keeps their history, but no longer authenticates, decides or gets mail. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
