import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One call made with an `Idempotency-Key`, per user and route: claimed before the call runs
 * (`status` null while it does), then holding its first response, replayed for the same key.
 */
@Entity({ name: 'idempotent_calls' })
export class IdempotencyKey {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The method and path the key was sent to, e.g. `POST /v1/requests/…/approve`. */
  @PrimaryColumn({ type: 'varchar', length: 512 })
  route!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 of the call's body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  /** The first response's status; null while that call is still running. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: unknown;

  /** The first response's headers that a replay repeats (`Location`, `ETag`). */
  @Column({ type: 'jsonb', nullable: true })
  headers!: Record<string, string> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
