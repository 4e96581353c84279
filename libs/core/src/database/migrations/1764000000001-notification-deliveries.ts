import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/** One row per message owed to one recipient for one event: what was sent, what failed and why. */
export class NotificationDeliveries1764000000001 implements MigrationInterface {
  name = 'NotificationDeliveries1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'event_id', type: t.uuid },
          { name: 'event_type', type: 'varchar', length: '64' },
          { name: 'request_id', type: t.uuid },
          { name: 'organization_id', type: t.uuid },
          { name: 'audience', type: 'varchar', length: '32' },
          { name: 'recipient', type: 'varchar', length: '320' },
          { name: 'message_id', type: 'varchar', length: '255' },
          { name: 'message', type: t.json },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'retries', type: 'integer', default: 0 },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'sent_at', type: t.timestamp, isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'uq_notification_deliveries_event_recipient',
            columnNames: ['event_id', 'recipient'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'idx_notification_deliveries_status',
            columnNames: ['status', 'created_at'],
          }),
          new TableIndex({
            name: 'idx_notification_deliveries_request',
            columnNames: ['request_id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_deliveries');
  }
}
