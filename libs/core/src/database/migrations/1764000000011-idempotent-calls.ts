import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * `Idempotency-Key` on every state-changing POST: keys are scoped per user and route, claimed before
 * the call runs (status null meanwhile) and hold the first response with its `Location` and `ETag`.
 * The keys of submissions stored so far are kept, as keys of `POST /v1/requests`.
 */
export class IdempotentCalls1764000000011 implements MigrationInterface {
  name = 'IdempotentCalls1764000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'idempotent_calls',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'route', type: 'varchar', length: '512', isPrimary: true },
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status', type: 'integer', isNullable: true },
          { name: 'body', type: t.json, isNullable: true },
          { name: 'headers', type: t.json, isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO idempotent_calls (user_id, route, key, request_hash, status, body, created_at)
       SELECT user_id, 'POST /v1/requests', key, request_hash, status, body, created_at
       FROM idempotency_keys`,
    );
    await queryRunner.dropTable('idempotency_keys');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status', type: 'integer' },
          { name: 'body', type: t.json },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body, created_at)
       SELECT user_id, key, request_hash, status, body, created_at
       FROM idempotent_calls WHERE route = 'POST /v1/requests' AND status IS NOT NULL`,
    );
    await queryRunner.dropTable('idempotent_calls');
  }
}
