import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Sign-in for people: server-side sessions (only the SHA-256 of the cookie is kept), single-use
 * emailed sign-in links (their token is a MAC of the id, never stored), the identity provider's
 * subject on users, and how the author of each history entry authenticated.
 */
export class SignIn1764000000012 implements MigrationInterface {
  name = 'SignIn1764000000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'method', type: 'varchar', length: '16' },
          { name: 'acr', type: 'varchar', length: '255', isNullable: true },
          { name: 'amr', type: t.json, isNullable: true },
          { name: 'authenticated_at', type: t.timestamp },
          { name: 'user_agent', type: 'varchar', length: '512', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'last_seen_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'ended_at', type: t.timestamp, isNullable: true },
        ],
        indices: [
          { name: 'sessions_token_hash_key', columnNames: ['token_hash'], isUnique: true },
          { name: 'sessions_user_id_idx', columnNames: ['user_id', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_links',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'return_to', type: 'varchar', length: '512', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp },
          { name: 'used_at', type: t.timestamp, isNullable: true },
        ],
        indices: [{ name: 'sign_in_links_user_id_idx', columnNames: ['user_id', 'created_at'] }],
      }),
    );
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'oidc_subject', type: 'varchar', length: '255', isNullable: true }),
    );
    await queryRunner.createIndex(
      'users',
      new TableIndex({
        name: 'users_oidc_subject_key',
        columnNames: ['oidc_subject'],
        isUnique: true,
      }),
    );
    await queryRunner.addColumn(
      'audit_entries',
      new TableColumn({ name: 'authentication', type: t.json, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('audit_entries', 'authentication');
    await queryRunner.dropIndex('users', 'users_oidc_subject_key');
    await queryRunner.dropColumn('users', 'oidc_subject');
    await queryRunner.dropTable('sign_in_links');
    await queryRunner.dropTable('sessions');
  }
}
