import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Delegations: a person hands their decision roles to another person of their organization for a
 * window. A history entry records on whose behalf a decision was taken through one.
 */
export class Delegations1764000000023 implements MigrationInterface {
  name = 'Delegations1764000000023';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'delegations',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'organization_id', type: t.uuid },
          { name: 'delegator_id', type: t.uuid },
          { name: 'delegate_id', type: t.uuid },
          { name: 'roles', type: t.json },
          { name: 'starts_at', type: t.timestamp },
          { name: 'ends_at', type: t.timestamp },
          { name: 'reason', type: 'text' },
          { name: 'created_by', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'ended_at', type: t.timestamp, isNullable: true },
          { name: 'started_notified_at', type: t.timestamp, isNullable: true },
          { name: 'ended_notified_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            name: 'fk_delegations_organization',
            columnNames: ['organization_id'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_delegations_delegator',
            columnNames: ['delegator_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_delegations_delegate',
            columnNames: ['delegate_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          // What a delegate holds now: their received delegations, by window.
          new TableIndex({
            name: 'idx_delegations_delegate_window',
            columnNames: ['delegate_id', 'ends_at', 'starts_at'],
          }),
          // A person's given delegations, newest first.
          new TableIndex({
            name: 'idx_delegations_delegator_created',
            columnNames: ['delegator_id', 'created_at', 'id'],
          }),
          // A person's received delegations, newest first.
          new TableIndex({
            name: 'idx_delegations_delegate_created',
            columnNames: ['delegate_id', 'created_at', 'id'],
          }),
          // An organization's delegations (its admins), newest first.
          new TableIndex({
            name: 'idx_delegations_organization_created',
            columnNames: ['organization_id', 'created_at', 'id'],
          }),
          // The windows whose start or end is still to be told.
          new TableIndex({
            name: 'idx_delegations_start_notice',
            columnNames: ['started_notified_at', 'starts_at'],
          }),
          new TableIndex({
            name: 'idx_delegations_end_notice',
            columnNames: ['ended_notified_at', 'ends_at'],
          }),
        ],
      }),
    );
    await queryRunner.addColumn(
      'audit_entries',
      new TableColumn({ name: 'on_behalf_of', type: t.uuid, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('audit_entries', 'on_behalf_of');
    await queryRunner.dropTable('delegations');
  }
}
