import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Signed checkpoints of the audit logs: one per organization, log (`history`, `admin`) and
 * sequence. Webhook deliveries may now be of no request: a checkpoint is pushed to webhooks too.
 */
export class AuditCheckpoints1764000000022 implements MigrationInterface {
  name = 'AuditCheckpoints1764000000022';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoints',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'organization_id', type: t.uuid },
          { name: 'log', type: 'varchar', length: '16' },
          { name: 'seq', type: 'integer' },
          { name: 'root', type: 'varchar', length: '64' },
          { name: 'signed_at', type: t.timestamp },
          { name: 'key_id', type: 'varchar', length: '64' },
          { name: 'signature', type: 'varchar', length: '128' },
          { name: 'published_at', type: t.timestamp, isNullable: true },
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
          // One checkpoint per head, however many workers sign it; also each log's latest.
          new TableIndex({
            name: 'uq_audit_checkpoints_organization_log_seq',
            columnNames: ['organization_id', 'log', 'seq'],
            isUnique: true,
          }),
          // The pages of one organization, newest first.
          new TableIndex({
            name: 'idx_audit_checkpoints_organization_signed',
            columnNames: ['organization_id', 'signed_at', 'id'],
          }),
          // The pages of every organization (provider admins), newest first.
          new TableIndex({
            name: 'idx_audit_checkpoints_signed',
            columnNames: ['signed_at', 'id'],
          }),
          // The checkpoints whose webhook dispatch is still to be queued.
          new TableIndex({
            name: 'idx_audit_checkpoints_published',
            columnNames: ['published_at'],
          }),
        ],
      }),
    );
    await queryRunner.changeColumn(
      'webhook_deliveries',
      'request_id',
      new TableColumn({ name: 'request_id', type: t.uuid, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.query('DELETE FROM webhook_deliveries WHERE request_id IS NULL');
    await queryRunner.changeColumn(
      'webhook_deliveries',
      'request_id',
      new TableColumn({ name: 'request_id', type: t.uuid }),
    );
    await queryRunner.dropTable('audit_checkpoints');
  }
}
