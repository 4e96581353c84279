import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed-in person's session, kept server-side so every API process sees it. The cookie holds a
 * random token; only its SHA-256 is stored. It ends when idle for SESSION_IDLE_MINUTES, after
 * SESSION_MAX_HOURS, at sign-out, when its person ends it, or when the user is deactivated.
 */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** `oidc` or `email_link`: how the person signed in. */
  @Column({ type: 'varchar', length: 16 })
  method!: string;

  /** The identity provider's `acr` for this sign-in, if any. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  acr!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  amr!: string[] | null;

  /** When the person authenticated (the identity provider's `auth_time`, else the sign-in). */
  @Column({ name: 'authenticated_at', type: 'timestamptz' })
  authenticatedAt!: Date;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** The absolute end: sign-in time plus SESSION_MAX_HOURS. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
