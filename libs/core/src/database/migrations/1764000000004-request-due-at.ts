import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/** When a request's approval is due (working days from submission), where a deadline applies. */
export class RequestDueAt1764000000004 implements MigrationInterface {
  name = 'RequestDueAt1764000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.addColumn(
      'requests',
      new TableColumn({ name: 'due_at', type: t.timestamp, isNullable: true }),
    );
    await queryRunner.createIndex(
      'requests',
      new TableIndex({ name: 'idx_requests_state_due', columnNames: ['state', 'due_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('requests', 'idx_requests_state_due');
    await queryRunner.dropColumn('requests', 'due_at');
  }
}
