import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * An address is unique within its organization, no longer across the engine: one customer cannot
 * learn that another has an address, nor take it first. A person with accounts in several
 * organizations proves the address once (emailed link, or verified address at the identity
 * provider) and then chooses one: `sign_in_choices` holds that pending choice, single use, for
 * ten minutes; the browser holds only a MAC of its id.
 */
export class EmailPerOrganization1764000000020 implements MigrationInterface {
  name = 'EmailPerOrganization1764000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.dropIndex('users', 'uq_users_email');
    await queryRunner.createIndices('users', [
      new TableIndex({
        name: 'users_organization_id_email_key',
        columnNames: ['organization_id', 'email'],
        isUnique: true,
      }),
      new TableIndex({ name: 'users_email_idx', columnNames: ['email'] }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_choices',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_ids', type: t.json },
          { name: 'method', type: 'varchar', length: '16' },
          { name: 'acr', type: 'varchar', length: '255', isNullable: true },
          { name: 'amr', type: t.json, isNullable: true },
          { name: 'authenticated_at', type: t.timestamp },
          { name: 'return_to', type: 'varchar', length: '512', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'used_at', type: t.timestamp, isNullable: true },
        ],
        indices: [{ name: 'sign_in_choices_expires_at_idx', columnNames: ['expires_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_choices');
    await queryRunner.dropIndex('users', 'users_email_idx');
    await queryRunner.dropIndex('users', 'users_organization_id_email_key');
    await queryRunner.createIndex(
      'users',
      new TableIndex({ name: 'uq_users_email', columnNames: ['email'], isUnique: true }),
    );
  }
}
