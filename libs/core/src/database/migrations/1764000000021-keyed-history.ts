import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Keyed history: each entry and admin event names the key of its HMAC (`key_id`), each request row
 * carries the head of its chain (`audit_seq`, `audit_hash`), and every entry of an organization's
 * requests takes a place in the organization's log (`log_seq`, `log_prev_hash`), whose head is kept
 * in `audit_logs`. A migration has no AUDIT_KEY: rows recorded before are sealed at the API's start.
 */
export class KeyedHistory1764000000021 implements MigrationInterface {
  name = 'KeyedHistory1764000000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.addColumns('audit_entries', [
      new TableColumn({ name: 'key_id', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'log_seq', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'log_prev_hash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    // One place per entry in its organization's log; also the order verification walks it in.
    await queryRunner.createIndex(
      'audit_entries',
      new TableIndex({
        name: 'uq_audit_entries_organization_log_seq',
        columnNames: ['organization_id', 'log_seq'],
        isUnique: true,
      }),
    );
    await queryRunner.addColumns('requests', [
      new TableColumn({ name: 'audit_seq', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'audit_hash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.addColumn(
      'admin_events',
      new TableColumn({ name: 'key_id', type: 'varchar', length: '16', isNullable: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_logs',
        columns: [
          { name: 'organization_id', type: t.uuid, isPrimary: true },
          { name: 'seq', type: 'integer' },
          { name: 'head_hash', type: 'varchar', length: '64' },
          { name: 'updated_at', type: t.timestamp },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_logs');
    await queryRunner.dropColumn('admin_events', 'key_id');
    await queryRunner.dropColumns('requests', ['audit_hash', 'audit_seq']);
    await queryRunner.dropIndex('audit_entries', 'uq_audit_entries_organization_log_seq');
    await queryRunner.dropColumns('audit_entries', ['log_prev_hash', 'log_seq', 'key_id']);
  }
}
