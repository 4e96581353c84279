import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * The admin audit log: every change to organizations, users, roles, tokens, quota packages and
 * webhooks, one hash chain per organization (`seq` from 1, unique in its chain).
 */
export class AdminEvents1764000000010 implements MigrationInterface {
  name = 'AdminEvents1764000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'admin_events',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'organization_id', type: t.uuid },
          { name: 'seq', type: 'integer' },
          { name: 'actor_id', type: t.uuid, isNullable: true },
          { name: 'actor_organization_id', type: t.uuid },
          { name: 'action', type: 'varchar', length: '48' },
          { name: 'subject_type', type: 'varchar', length: '32' },
          { name: 'subject_id', type: t.uuid },
          // Text, not jsonb: the hash covers these exact characters.
          { name: 'changes', type: 'text' },
          { name: 'created_at', type: t.timestamp },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        foreignKeys: [
          {
            columnNames: ['organization_id'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          // One place per entry in its organization's chain; also the order verification walks.
          new TableIndex({
            name: 'uq_admin_events_organization_seq',
            columnNames: ['organization_id', 'seq'],
            isUnique: true,
          }),
          // The pages of one organization, newest first.
          new TableIndex({
            name: 'idx_admin_events_organization_created',
            columnNames: ['organization_id', 'created_at', 'id'],
          }),
          // The pages of every organization (provider admins), newest first.
          new TableIndex({ name: 'idx_admin_events_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('admin_events');
  }
}
