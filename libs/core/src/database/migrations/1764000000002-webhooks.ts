import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/** Webhook endpoints of organizations, and one delivery row per endpoint and domain event. */
export class Webhooks1764000000002 implements MigrationInterface {
  name = 'Webhooks1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'webhook_endpoints',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'organization_id', type: t.uuid },
          { name: 'url', type: 'varchar', length: '2048' },
          // Kept in clear: every delivery is signed with it, so it cannot be a one-way hash.
          { name: 'secret', type: 'varchar', length: '128' },
          { name: 'event_types', type: t.json },
          // No foreign key: the bootstrap admin (ADMIN_TOKEN) has no user row.
          { name: 'created_by', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'disabled_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['organization_id'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({
            name: 'idx_webhook_endpoints_organization',
            columnNames: ['organization_id', 'created_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'endpoint_id', type: t.uuid },
          { name: 'event_id', type: t.uuid },
          { name: 'event_type', type: 'varchar', length: '64' },
          { name: 'request_id', type: t.uuid },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'response_status', type: 'integer', isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'delivered_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['endpoint_id'],
            referencedTableName: 'webhook_endpoints',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          // One delivery per endpoint and event: what makes a replayed event a no-op.
          new TableIndex({
            name: 'uq_webhook_deliveries_endpoint_event',
            columnNames: ['endpoint_id', 'event_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'idx_webhook_deliveries_endpoint_created',
            columnNames: ['endpoint_id', 'created_at'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_endpoints');
  }
}
