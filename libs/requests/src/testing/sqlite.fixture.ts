import { DataSource } from 'typeorm';
import { adaptEntityTypesToSqlite } from '@app/core';
import { MIGRATIONS } from '@app/core/database/migrations';
import { User } from '@app/parties';
import { CUSTOMER_A, CUSTOMER_B, PROVIDER_ORG } from '@app/parties/testing/principal.fixture';
import { RequestApproval } from '../entities/request-approval.entity';
import { Delegation } from '../delegations/delegation.entity';
import { RequestOpinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';

/** A user the request rows of a spec point to: id, organization and name. */
export type SeedUser = readonly [id: string, organizationId: string, name: string];

/**
 * SQLite in memory with the project's migrations, the provider and the two customers of the
 * principal fixture, and the users given (foreign keys are on: request rows need them).
 */
export async function sqliteWithParties(users: readonly SeedUser[]): Promise<DataSource> {
  adaptEntityTypesToSqlite();
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [Request, RequestOpinion, RequestApproval, User, Delegation],
    migrations: MIGRATIONS,
    migrationsRun: true,
  });
  await dataSource.initialize();
  const now = new Date().toISOString();
  for (const [id, kind] of [
    [PROVIDER_ORG, 'provider'],
    [CUSTOMER_A, 'customer'],
    [CUSTOMER_B, 'customer'],
  ]) {
    await dataSource.query(
      `INSERT INTO organizations (id, name, kind, plan, on_demand, contact_emails, locale,
         subscription_started_at, quota_packages, created_at, updated_at)
       VALUES (?, ?, ?, NULL, 0, '[]', 'en', ?, '[]', ?, ?)`,
      [id, id, kind, now, now, now],
    );
  }
  for (const [id, organizationId, name] of users) {
    await dataSource.query(
      `INSERT INTO users (id, organization_id, email, name, roles, created_at, updated_at)
       VALUES (?, ?, ?, ?, '[]', ?, ?)`,
      [id, organizationId, `${name.toLowerCase()}@example.test`, name, now, now],
    );
  }
  return dataSource;
}
