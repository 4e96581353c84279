import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Party } from '@app/catalog';
import { AppConfig, asRow, ReadReplica, RequestState as S } from '@app/core';
import { AuditService } from '@app/audit';
import {
  CUSTOMER_A,
  CUSTOMER_B,
  principal,
  PROVIDER_ORG,
} from '@app/parties/testing/principal.fixture';
import { Role } from '@app/parties';
import { RequestOpinion, Opinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';
import { sqliteWithParties } from '../testing/sqlite.fixture';
import { viewsOf } from '../testing/views.fixture';
import { HeldDelegations } from '../delegations/held-delegations';
import { RequestQueriesService } from './request-queries.service';

const SUBMITTER = '00000000-0000-4000-8000-0000000000aa';
const APPROVER = '00000000-0000-4000-8000-0000000000ff';

/** A request row as the engine stores it; `minute` orders them (higher is newer). */
function requestRow(minute: number, values: Partial<Request>): Request {
  const at = new Date(Date.UTC(2026, 0, 1, 0, minute));
  return Object.assign(new Request(), {
    id: randomUUID(),
    action: 'spec.action',
    product: 'spec',
    organizationId: CUSTOMER_A,
    state: S.Completed,
    params: {},
    responsible: Party.Provider,
    accountable: Party.Provider,
    consulted: [],
    informed: [],
    performer: Party.Provider,
    submittedBy: SUBMITTER,
    comment: null,
    result: null,
    dueAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...values,
  });
}

describe('RequestQueriesService', () => {
  let dataSource: DataSource;
  let queries: RequestQueriesService;
  const rows: Record<string, Request> = {};

  beforeAll(async () => {
    dataSource = await sqliteWithParties([
      [SUBMITTER, CUSTOMER_A, 'Submitter'],
      [APPROVER, PROVIDER_ORG, 'Approver'],
    ]);
    Object.assign(rows, {
      providerApproval: requestRow(1, { state: S.PendingApproval }),
      ownSubmission: requestRow(2, { state: S.PendingApproval, submittedBy: APPROVER }),
      otherTenantApproval: requestRow(3, { state: S.PendingApproval, organizationId: CUSTOMER_B }),
      customerApproval: requestRow(4, { state: S.PendingApproval, accountable: Party.Customer }),
      consultation: requestRow(5, {
        state: S.PendingConsultation,
        consulted: [Party.Provider, Party.Customer],
      }),
      answered: requestRow(6, {
        state: S.PendingConsultation,
        consulted: [Party.Provider, Party.Customer],
      }),
      approved: requestRow(7, { state: S.Approved }),
      inProgress: requestRow(8, { state: S.InProgress }),
      customerWork: requestRow(9, { state: S.Approved, performer: Party.Customer }),
      finished: requestRow(10, { state: S.Completed }),
      customerConsultation: requestRow(11, {
        state: S.PendingConsultation,
        consulted: [Party.Customer],
      }),
    });
    await dataSource
      .getRepository(Request)
      .insert(Object.values(rows).map((row) => asRow<Request>(row)));
    await dataSource.getRepository(RequestOpinion).insert({
      id: randomUUID(),
      requestId: rows.answered.id,
      party: Party.Provider,
      userId: SUBMITTER,
      opinion: Opinion.Agree,
      comment: null,
      createdAt: new Date(),
    });
    queries = new RequestQueriesService(
      dataSource,
      {} as AuditService,
      viewsOf(dataSource),
      new HeldDelegations(dataSource),
      new ReadReplica(AppConfig.fromEnv({}), dataSource),
    );
  });

  afterAll(() => dataSource.destroy());

  const idsOf = (...names: string[]) => names.map((name) => rows[name].id);
  const inboxIds = async (roles: Role[], organizationId = PROVIDER_ORG) =>
    (await queries.inbox(principal(organizationId, roles, APPROVER), {})).items.map((r) => r.id);

  it('shows a provider approver every tenant’s approvals and open consultations, newest first, never their own submission', async () => {
    expect(await inboxIds([Role.Approver])).toEqual(
      idsOf('consultation', 'otherTenantApproval', 'providerApproval'),
    );
  });

  it('shows a customer approver its own tenant’s approvals and consultations only', async () => {
    expect(await inboxIds([Role.Approver], CUSTOMER_A)).toEqual(
      idsOf('customerConsultation', 'answered', 'consultation', 'customerApproval'),
    );
  });

  it('shows an operator the approved and started work of its party', async () => {
    expect(await inboxIds([Role.Operator])).toEqual(idsOf('inProgress', 'approved'));
    expect(await inboxIds([Role.Operator], CUSTOMER_A)).toEqual(idsOf('customerWork'));
  });

  it('reads an export page by page, newest first, within the tenant, without gaps or repeats', async () => {
    const pages: string[][] = [];
    const customer = principal(CUSTOMER_A, [Role.Requester], SUBMITTER);
    for await (const page of queries.pages(customer, {}, 3)) pages.push(page.map((r) => r.id));
    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    const all = Object.values(rows)
      .filter((row) => row.organizationId === CUSTOMER_A)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((row) => row.id);
    expect(pages.flat()).toEqual(all);
    const filtered: string[] = [];
    for await (const page of queries.pages(customer, { state: S.PendingApproval }, 2)) {
      filtered.push(...page.map((r) => r.id));
    }
    expect(filtered).toEqual(idsOf('customerApproval', 'ownSubmission', 'providerApproval'));
  });

  it('shows nothing to a caller without a RACI role', async () => {
    expect(await inboxIds([Role.Requester, Role.Admin])).toEqual([]);
  });

  it('lists a tenant’s requests in one state page by page, newest first, each once', async () => {
    const caller = principal(CUSTOMER_A, [Role.Requester]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.list(caller, { state: S.PendingApproval, cursor, limit: 1 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(idsOf('customerApproval', 'ownSubmission', 'providerApproval'));
  });

  it('pages across the kinds of wait in one order, each item once', async () => {
    const caller = principal(PROVIDER_ORG, [Role.Approver, Role.Operator], APPROVER);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.inbox(caller, { cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(
      idsOf('inProgress', 'approved', 'consultation', 'otherTenantApproval', 'providerApproval'),
    );
  });
});
