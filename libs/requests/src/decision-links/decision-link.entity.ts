import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The decisions a link can take: an approver's approve or reject ("Approval needed"), a Consulted
 * party's agree or disagree ("Your opinion is requested").
 */
export type LinkVerb = 'approve' | 'reject' | 'agree' | 'disagree';

/**
 * One decision link of an email: one person, one request, one use; it lives until the request
 * leaves the state it was made for, or the decision's due date, whichever comes first.
 */
@Entity({ name: 'email_action_links' })
export class DecisionLink {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  /** The person the link acts for; nobody else can use it. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  verb!: LinkVerb;

  /** The decision's due date (the request's `dueAt` when the link was made). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
