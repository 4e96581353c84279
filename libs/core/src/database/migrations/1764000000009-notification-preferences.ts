import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

const userKey = {
  columnNames: ['user_id'],
  referencedTableName: 'users',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
};

/**
 * Each user's choice for Informed mail (no row: the default, `immediate`); the Informed news kept
 * for a daily digest, one row per event and user, claimed by the digest of a day; and deliveries
 * that are about no single request (a digest), so `notification_deliveries.request_id` may be null.
 */
export class NotificationPreferences1764000000009 implements MigrationInterface {
  name = 'NotificationPreferences1764000000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'informed', type: 'varchar', length: '16' },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [userKey],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_digest_items',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'event_id', type: t.uuid },
          { name: 'event_type', type: 'varchar', length: '64' },
          { name: 'request_id', type: t.uuid },
          { name: 'summary', type: t.json },
          { name: 'occurred_at', type: t.timestamp },
          { name: 'created_at', type: t.timestamp },
          // The local day of the digest that took the item; null while it waits for one.
          { name: 'digest_day', type: 'varchar', length: '10', isNullable: true },
        ],
        foreignKeys: [userKey],
        indices: [
          // One item per event and user: what makes a replayed event a no-op.
          new TableIndex({
            name: 'uq_notification_digest_items_event_user',
            columnNames: ['event_id', 'user_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'idx_notification_digest_items_user_day',
            columnNames: ['user_id', 'digest_day'],
          }),
          // The hourly tick's question: who has news waiting from before today's digest hour.
          new TableIndex({
            name: 'idx_notification_digest_items_waiting',
            columnNames: ['created_at', 'user_id'],
            where: 'digest_day IS NULL',
          }),
        ],
      }),
    );
    await queryRunner.changeColumn(
      'notification_deliveries',
      'request_id',
      new TableColumn({ name: 'request_id', type: t.uuid, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.query('DELETE FROM notification_deliveries WHERE request_id IS NULL');
    await queryRunner.changeColumn(
      'notification_deliveries',
      'request_id',
      new TableColumn({ name: 'request_id', type: t.uuid }),
    );
    await queryRunner.dropTable('notification_digest_items');
    await queryRunner.dropTable('notification_preferences');
  }
}
