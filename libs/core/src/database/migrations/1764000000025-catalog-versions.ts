import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * The matrix's versions, stored: each product's file as YAML, who made it and why, and when it
 * was in force. Every request pins the version it was routed under; those before are version 1.
 */
export class CatalogVersions1764000000025 implements MigrationInterface {
  name = 'CatalogVersions1764000000025';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'catalog_versions',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'version', type: 'integer' },
          { name: 'files', type: t.json },
          { name: 'hash', type: 'varchar', length: '64' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'reason', type: 'text' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'created_at', type: t.timestamp },
          { name: 'effective_at', type: t.timestamp, isNullable: true },
          { name: 'approved_at', type: t.timestamp, isNullable: true },
          { name: 'activated_at', type: t.timestamp, isNullable: true },
        ],
        indices: [
          // One row per number, however many processes import at once.
          new TableIndex({
            name: 'uq_catalog_versions_version',
            columnNames: ['version'],
            isUnique: true,
          }),
          // The active version, and the approved drafts that fall due.
          new TableIndex({
            name: 'idx_catalog_versions_state_effective',
            columnNames: ['state', 'effective_at'],
          }),
        ],
      }),
    );
    await queryRunner.addColumn(
      'requests',
      new TableColumn({ name: 'catalog_version', type: 'integer', default: 1 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('requests', 'catalog_version');
    await queryRunner.dropTable('catalog_versions');
  }
}
