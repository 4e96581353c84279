import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bearer token: only its SHA-256 is kept; the token itself is shown once, at creation. */
@Entity({ name: 'api_tokens' })
export class ApiToken {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The first characters of the token, so a person can tell tokens apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /**
   * The user who minted it: the owner themselves, or an admin. null when the bootstrap
   * `ADMIN_TOKEN` did, and for tokens minted before this was recorded.
   */
  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy!: string | null;

  /** The kind of credential it was minted with (`session`, `api_token`…); null before it was recorded. */
  @Column({ name: 'issued_with', type: 'varchar', length: 16, nullable: true })
  issuedWith!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
