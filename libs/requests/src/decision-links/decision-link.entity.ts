import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The decisions a link can take. */
export type LinkVerb = 'approve' | 'reject';

/** One approve or reject link of an approval email: one approver, one request, one use. */
@Entity({ name: 'email_action_links' })
export class DecisionLink {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  /** The approver the link acts for; nobody else can use it. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  verb!: LinkVerb;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
