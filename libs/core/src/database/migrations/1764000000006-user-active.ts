import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { migrationTypes } from '../portable-types';

/** Users can be deactivated: they keep their history, but no longer sign in, decide or get mail. */
export class UserActive1764000000006 implements MigrationInterface {
  name = 'UserActive1764000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'active', type: 'boolean', default: true }),
      new TableColumn({ name: 'deactivated_at', type: t.timestamp, isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'deactivated_at');
    await queryRunner.dropColumn('users', 'active');
  }
}
