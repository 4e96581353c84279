import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/** The approve/reject links sent to approvers: each bound to one approver, one request, one use. */
export class EmailActionLinks1764000000003 implements MigrationInterface {
  name = 'EmailActionLinks1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'email_action_links',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'request_id', type: t.uuid },
          { name: 'user_id', type: t.uuid },
          { name: 'verb', type: 'varchar', length: '16' },
          { name: 'expires_at', type: t.timestamp },
          { name: 'used_at', type: t.timestamp, isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
        indices: [
          new TableIndex({ name: 'idx_email_action_links_request', columnNames: ['request_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('email_action_links');
  }
}
