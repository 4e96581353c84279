import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { migrationTypes } from '../portable-types';

/** Organizations, users and tokens; requests with their opinions, comments and audit trail; outbox. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    const id: TableColumnOptions = { name: 'id', type: t.uuid, isPrimary: true };
    const uuid = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: t.uuid,
      isNullable,
    });
    const text = (name: string, length?: number, isNullable = false): TableColumnOptions => ({
      name,
      type: length ? 'varchar' : 'text',
      length: length ? String(length) : undefined,
      isNullable,
    });
    const time = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: t.timestamp,
      isNullable,
    });
    const json = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: t.json,
      isNullable,
    });
    const stamps = [time('created_at'), time('updated_at')];
    const fk = (column: string, table: string) => ({
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    });

    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          id,
          text('name', 200),
          text('kind', 16),
          text('plan', 16, true),
          { name: 'on_demand', type: 'boolean', default: false },
          json('contact_emails'),
          text('locale', 8),
          time('subscription_started_at'),
          json('quota_packages'),
          ...stamps,
        ],
        indices: [
          new TableIndex({ name: 'uq_organizations_name', columnNames: ['name'], isUnique: true }),
          new TableIndex({ name: 'idx_organizations_kind', columnNames: ['kind'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          uuid('organization_id'),
          text('email', 320),
          text('name', 200),
          json('roles'),
          ...stamps,
        ],
        foreignKeys: [fk('organization_id', 'organizations')],
        indices: [
          new TableIndex({ name: 'uq_users_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'idx_users_organization', columnNames: ['organization_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          id,
          uuid('user_id'),
          text('token_hash', 64),
          text('prefix', 16),
          time('created_at'),
          time('revoked_at', true),
          time('last_used_at', true),
        ],
        foreignKeys: [fk('user_id', 'users')],
        indices: [
          new TableIndex({
            name: 'uq_api_tokens_hash',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_api_tokens_user', columnNames: ['user_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'requests',
        columns: [
          id,
          text('action', 128),
          text('product', 64),
          uuid('organization_id'),
          text('state', 32),
          json('params'),
          text('responsible', 16),
          text('accountable', 16),
          json('consulted'),
          json('informed'),
          text('performer', 16),
          uuid('submitted_by'),
          text('comment', undefined, true),
          json('result', true),
          { name: 'version', type: 'integer' },
          ...stamps,
        ],
        foreignKeys: [fk('organization_id', 'organizations'), fk('submitted_by', 'users')],
        indices: [
          new TableIndex({
            name: 'idx_requests_org_state_created',
            columnNames: ['organization_id', 'state', 'created_at', 'id'],
          }),
          new TableIndex({
            name: 'idx_requests_org_created',
            columnNames: ['organization_id', 'created_at', 'id'],
          }),
          new TableIndex({
            name: 'idx_requests_state_created',
            columnNames: ['state', 'created_at', 'id'],
          }),
          new TableIndex({ name: 'idx_requests_created', columnNames: ['created_at', 'id'] }),
          new TableIndex({ name: 'idx_requests_action', columnNames: ['action'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'request_opinions',
        columns: [
          id,
          uuid('request_id'),
          text('party', 16),
          uuid('user_id'),
          text('opinion', 16),
          text('comment', undefined, true),
          time('created_at'),
        ],
        foreignKeys: [fk('request_id', 'requests')],
        indices: [
          new TableIndex({
            name: 'uq_request_opinions_party',
            columnNames: ['request_id', 'party'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'request_comments',
        columns: [
          id,
          uuid('request_id'),
          uuid('author_id'),
          text('party', 16),
          text('body'),
          { name: 'internal', type: 'boolean', default: false },
          time('created_at'),
        ],
        foreignKeys: [fk('request_id', 'requests')],
        indices: [
          new TableIndex({
            name: 'idx_request_comments_request',
            columnNames: ['request_id', 'created_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id,
          uuid('request_id'),
          uuid('organization_id'),
          { name: 'seq', type: 'integer' },
          uuid('actor_id', true),
          uuid('actor_organization_id', true),
          text('letter', 2, true),
          text('event', 48),
          text('from_state', 32, true),
          text('to_state', 32),
          text('comment', undefined, true),
          time('created_at'),
          text('prev_hash', 64),
          text('hash', 64),
        ],
        indices: [
          new TableIndex({
            name: 'uq_audit_entries_request_seq',
            columnNames: ['request_id', 'seq'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'idx_audit_entries_organization',
            columnNames: ['organization_id', 'created_at'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox_events',
        columns: [
          id,
          uuid('aggregate_id'),
          text('type', 64),
          json('payload'),
          time('created_at'),
          time('published_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'idx_outbox_events_unpublished',
            columnNames: ['created_at'],
            where: 'published_at IS NULL',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { ...uuid('user_id'), isPrimary: true },
          { ...text('key', 255), isPrimary: true },
          text('request_hash', 64),
          { name: 'status', type: 'integer' },
          json('body'),
          time('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'outbox_events',
      'audit_entries',
      'request_comments',
      'request_opinions',
      'requests',
      'api_tokens',
      'users',
      'organizations',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
