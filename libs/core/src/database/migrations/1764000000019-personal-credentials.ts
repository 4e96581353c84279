import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Who acts can be proved: every token records who minted it (`issued_by`, null for the bootstrap
 * ADMIN_TOKEN) and with what kind of credential (`issued_with`); tokens minted before stay unknown,
 * and so never decide. Users are a person or a service account (`kind`), which never decides.
 */
export class PersonalCredentials1764000000019 implements MigrationInterface {
  name = 'PersonalCredentials1764000000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.addColumns('api_tokens', [
      new TableColumn({ name: 'issued_by', type: t.uuid, isNullable: true }),
      new TableColumn({ name: 'issued_with', type: 'varchar', length: '16', isNullable: true }),
    ]);
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'kind', type: 'varchar', length: '16', default: "'person'" }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'kind');
    await queryRunner.dropColumn('api_tokens', 'issued_with');
    await queryRunner.dropColumn('api_tokens', 'issued_by');
  }
}
