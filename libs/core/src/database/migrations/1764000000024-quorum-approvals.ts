import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Quorum approvals and decisions bound to what was decided. `request_approvals` holds each
 * approval of a request that needs several: one per counted person (a delegator and their
 * delegate count as one), with the parameters hash and catalog version it was given on. A request
 * keeps the quorum it was submitted under and the hash of its parameters; every history entry
 * keeps the hash and catalog version a decision was made under.
 */
export class QuorumApprovals1764000000024 implements MigrationInterface {
  name = 'QuorumApprovals1764000000024';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'request_approvals',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'request_id', type: t.uuid },
          { name: 'user_id', type: t.uuid },
          { name: 'on_behalf_of', type: t.uuid, isNullable: true },
          { name: 'counted_person', type: t.uuid },
          { name: 'params_hash', type: 'varchar', length: '64' },
          { name: 'catalog_version', type: 'integer', isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
        indices: [
          {
            name: 'uq_request_approvals_request_id_counted_person',
            columnNames: ['request_id', 'counted_person'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          {
            name: 'fk_request_approvals_request_id',
            columnNames: ['request_id'],
            referencedTableName: 'requests',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.addColumns('requests', [
      new TableColumn({ name: 'approvals_required', type: 'integer', default: 1 }),
      new TableColumn({ name: 'params_hash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.addColumns('audit_entries', [
      new TableColumn({ name: 'params_hash', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'catalog_version', type: 'integer', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('audit_entries', ['catalog_version', 'params_hash']);
    await queryRunner.dropColumns('requests', ['params_hash', 'approvals_required']);
    await queryRunner.dropTable('request_approvals');
  }
}
