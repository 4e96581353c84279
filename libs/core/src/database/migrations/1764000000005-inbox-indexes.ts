import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The inbox reads each kind of wait (approval by the Accountable party, an opinion by a Consulted
 * party, work by the performing party) newest first. These partial indexes hold only the requests
 * that wait, keyed by the waiting party and ordered as the inbox pages, so the first page is one
 * short range scan however many requests the table holds: one set for the provider (every
 * tenant), one per tenant.
 */
const AWAITING_APPROVAL = "state = 'pending_approval'";
const AWAITING_OPINION = "state = 'pending_consultation'";
const IN_WORK = "state IN ('approved', 'in_progress')";

const INDEXES = [
  new TableIndex({
    name: 'idx_requests_awaiting_approval',
    columnNames: ['accountable', 'created_at', 'id'],
    where: AWAITING_APPROVAL,
  }),
  new TableIndex({
    name: 'idx_requests_org_awaiting_approval',
    columnNames: ['organization_id', 'accountable', 'created_at', 'id'],
    where: AWAITING_APPROVAL,
  }),
  // Keyed by the whole Consulted list: the inbox asks for each list that holds the caller's party.
  new TableIndex({
    name: 'idx_requests_awaiting_opinion',
    columnNames: ['consulted', 'created_at', 'id'],
    where: AWAITING_OPINION,
  }),
  new TableIndex({
    name: 'idx_requests_org_awaiting_opinion',
    columnNames: ['organization_id', 'consulted', 'created_at', 'id'],
    where: AWAITING_OPINION,
  }),
  new TableIndex({
    name: 'idx_requests_in_work',
    columnNames: ['performer', 'created_at', 'id'],
    where: IN_WORK,
  }),
  new TableIndex({
    name: 'idx_requests_org_in_work',
    columnNames: ['organization_id', 'performer', 'created_at', 'id'],
    where: IN_WORK,
  }),
];

export class InboxIndexes1764000000005 implements MigrationInterface {
  name = 'InboxIndexes1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) await queryRunner.createIndex('requests', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [...INDEXES].reverse())
      await queryRunner.dropIndex('requests', index.name!);
  }
}
