import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Party, PARTIES } from '@app/catalog';
import { AppConfig, asRow, ReadReplica, RequestState as S } from '@app/core';
import { AuditService } from '@app/audit';
import { Role, ROLES } from '@app/parties';
import { CUSTOMER_A, principal, PROVIDER_ORG } from '@app/parties/testing/principal.fixture';
import { Request } from '../entities/request.entity';
import { RequestsException } from '../requests.exception';
import {
  allowedByMatrix,
  distinctShapes,
  ORACLE_VERBS,
  seedCatalog,
  Shape,
  shapesOf,
} from '../testing/raci-oracle';
import { sqliteWithParties } from '../testing/sqlite.fixture';
import { viewsOf } from '../testing/views.fixture';
import { HeldDelegations } from '../delegations/held-delegations';
import { RequestQueriesService } from '../use-cases/request-queries.service';
import { authorize } from './raci-policy';
import { RequestVerb as V } from './request-state';
import { WHO_ACTS } from './who-acts.table';

const SUBMITTER = '00000000-0000-4000-8000-0000000000aa';
const OTHER = '00000000-0000-4000-8000-0000000000bb';
const catalog = seedCatalog();

describe('the one table of who acts, for every action of the catalog', () => {
  const cases = shapesOf(catalog);

  it('covers every requestable action', () => {
    expect(new Set(cases.map(({ shape }) => shape.key)).size).toBe(
      catalog.actions({ requestable: true }).length,
    );
  });

  it.each(cases.map(({ shape, subscription }) => [shape.key, subscription, shape] as const))(
    'policy: %s under %o allows exactly the parties and roles the matrix gives',
    (key, subscription, shape) => {
      const request = { ...shape, submittedBy: SUBMITTER };
      for (const verb of ORACLE_VERBS) {
        for (const party of PARTIES) {
          for (const role of ROLES) {
            let allowed = true;
            try {
              authorize(verb, { userId: OTHER, party, roles: [role] }, request);
            } catch (error) {
              expect(error).toBeInstanceOf(RequestsException);
              expect((error as RequestsException).status).toBe(403);
              expect((error as RequestsException).code).toMatch(/^RACI_/);
              allowed = false;
            }
            if (allowed !== allowedByMatrix(verb, party, role, shape)) {
              throw new Error(
                `${key} ${JSON.stringify(subscription)}: ${verb} by ${party} ${role} was ${allowed ? 'allowed' : 'refused'}`,
              );
            }
          }
        }
      }
    },
  );

  it('never lets the submitter decide, and lets the submitter cancel', () => {
    const [shape] = cases.map((c) => c.shape).filter((s) => s.accountable === Party.Provider);
    const request = { ...shape, submittedBy: SUBMITTER };
    const submitter = { userId: SUBMITTER, party: Party.Provider, roles: [Role.Approver] };
    expect(() => authorize(V.Approve, submitter, request)).toThrow(/Four eyes/);
    expect(() => authorize(V.Reject, submitter, request)).toThrow(/Four eyes/);
    const requester = { ...submitter, party: Party.Customer, roles: [Role.Requester] };
    expect(authorize(V.Cancel, requester, request)).toBeNull();
  });

  describe('inbox: a request waits on exactly those the matrix lets act on it', () => {
    const shapes = distinctShapes(catalog);
    const WAITING = [S.PendingConsultation, S.PendingApproval, S.Approved, S.InProgress];
    let dataSource: DataSource;
    let queries: RequestQueriesService;
    const rows: { id: string; shape: Shape; state: S }[] = [];

    beforeAll(async () => {
      dataSource = await sqliteWithParties([[SUBMITTER, PROVIDER_ORG, 'Submitter']]);
      let minute = 0;
      for (const shape of shapes) {
        for (const state of WAITING) {
          const at = new Date(Date.UTC(2026, 0, 1, 0, (minute += 1)));
          const id = randomUUID();
          rows.push({ id, shape, state });
          await dataSource.getRepository(Request).insert(
            asRow<Request>({
              id,
              action: shape.key,
              product: shape.key.split('.')[0],
              organizationId: CUSTOMER_A,
              state,
              params: {},
              responsible: shape.responsible,
              accountable: shape.accountable,
              consulted: shape.consulted,
              informed: shape.informed,
              performer: shape.performer,
              submittedBy: SUBMITTER,
              comment: null,
              result: null,
              dueAt: null,
              version: 1,
              createdAt: at,
              updatedAt: at,
            }),
          );
        }
      }
      queries = new RequestQueriesService(
        dataSource,
        {} as AuditService,
        viewsOf(dataSource),
        new HeldDelegations(dataSource),
        new ReadReplica(AppConfig.fromEnv({}), dataSource),
      );
    });
    afterAll(() => dataSource.destroy());

    /** Whether the table has `state` wait on a verb the matrix lets this party and role do. */
    const waitsOn = (shape: Shape, state: S, party: Party, role: Role) =>
      ORACLE_VERBS.some(
        (verb) =>
          WHO_ACTS[verb].waits &&
          WHO_ACTS[verb].from.includes(state) &&
          allowedByMatrix(verb, party, role, shape),
      );

    it.each(PARTIES.flatMap((party) => ROLES.map((role) => [party, role] as const)))(
      'a %s %s sees exactly the requests waiting on them',
      async (party, role) => {
        const organizationId = party === Party.Provider ? PROVIDER_ORG : CUSTOMER_A;
        const caller = principal(organizationId, [role], OTHER);
        const seen = new Set<string>();
        let cursor: string | undefined;
        do {
          const page = await queries.inbox(caller, { cursor, limit: 200 });
          page.items.forEach((item) => seen.add(item.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const expected = rows
          .filter(({ shape, state }) => waitsOn(shape, state, party, role))
          .map(({ id }) => id);
        expect([...seen].sort()).toEqual(expected.sort());
        // Approvers and operators always have something waiting, so the comparison is not empty.
        if (role === Role.Approver || role === Role.Operator)
          expect(expected.length).toBeGreaterThan(0);
      },
    );

    it('never shows the submitter their own request to approve', async () => {
      const submitter = principal(PROVIDER_ORG, [Role.Approver], SUBMITTER);
      const page = await queries.inbox(submitter, { limit: 200 });
      const shown = new Set(page.items.map((item) => item.id));
      const approvals = rows.filter(
        ({ shape, state }) => state === S.PendingApproval && shape.accountable === Party.Provider,
      );
      expect(approvals.length).toBeGreaterThan(0);
      expect(approvals.filter(({ id }) => shown.has(id))).toEqual([]);
    });
  });
});
