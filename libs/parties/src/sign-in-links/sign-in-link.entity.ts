import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One emailed sign-in link: one person, one use, fifteen minutes. Its token is `<id>.<mac>`; the MAC
 * follows from the id and LINK_SECRET, so nothing that could sign anybody in is stored.
 */
@Entity({ name: 'sign_in_links' })
export class SignInLink {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The person the link signs in; nobody else can use it. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** Where the person goes once signed in: a path of this engine, checked when the link was asked for. */
  @Column({ name: 'return_to', type: 'varchar', length: 512, nullable: true })
  returnTo!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
