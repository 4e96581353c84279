import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A sign-in that proved an address several active accounts share, waiting for the person to choose
 * one: which accounts it may end in, how the person authenticated, and where they go next. Used
 * once, within ten minutes. The browser holds `<id>.<mac>` in a cookie; only the id is stored.
 */
@Entity({ name: 'sign_in_choices' })
export class SignInChoice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The accounts offered; no other can be chosen. */
  @Column({ name: 'user_ids', type: 'jsonb' })
  userIds!: string[];

  /** `oidc` or `email_link`, as the session it starts will say. */
  @Column({ type: 'varchar', length: 16 })
  method!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  acr!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  amr!: string[] | null;

  @Column({ name: 'authenticated_at', type: 'timestamptz' })
  authenticatedAt!: Date;

  @Column({ name: 'return_to', type: 'varchar', length: 512, nullable: true })
  returnTo!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
