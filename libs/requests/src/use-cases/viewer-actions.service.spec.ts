import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Catalog, Party } from '@app/catalog';
import { AppConfig, asRow, RequestState as S } from '@app/core';
import { Role } from '@app/parties';
import {
  CUSTOMER_A,
  CUSTOMER_B,
  principal,
  PROVIDER_ORG,
} from '@app/parties/testing/principal.fixture';
import { Request } from '../entities/request.entity';
import { RequestVerb as V } from '../domain/request-state';
import { RequestsException } from '../requests.exception';
import { sqliteWithParties } from '../testing/sqlite.fixture';
import { HeldDelegations } from '../delegations/held-delegations';
import { ViewerActionsService } from './viewer-actions.service';

const SUBMITTER = '00000000-0000-4000-8000-0000000000aa';
const APPROVER = '00000000-0000-4000-8000-0000000000ff';
const LETTERS = { [Party.Provider]: ['R', 'A'], [Party.Customer]: ['I'] };
const catalog = { lettersOf: () => LETTERS } as unknown as Catalog;

describe('ViewerActionsService', () => {
  let dataSource: DataSource;
  const row = Object.assign(new Request(), {
    id: randomUUID(),
    action: 'spec.action',
    product: 'spec',
    organizationId: CUSTOMER_A,
    state: S.PendingApproval,
    params: {},
    responsible: Party.Provider,
    accountable: Party.Provider,
    consulted: [],
    informed: [Party.Customer],
    performer: Party.Provider,
    submittedBy: SUBMITTER,
    comment: null,
    result: null,
    dueAt: null,
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  });

  beforeAll(async () => {
    dataSource = await sqliteWithParties([[SUBMITTER, CUSTOMER_A, 'Submitter']]);
    await dataSource.getRepository(Request).insert(asRow<Request>(row));
  });

  afterAll(() => dataSource.destroy());

  const service = (env: Record<string, string> = {}) =>
    new ViewerActionsService(
      dataSource,
      catalog,
      AppConfig.fromEnv(env),
      new HeldDelegations(dataSource),
    );

  it('tells the Accountable approver it may approve, and whether that needs a step-up first', async () => {
    const approver = principal(PROVIDER_ORG, [Role.Approver], APPROVER);
    const plain = await service().of(approver, row.id);
    expect(plain).toContainEqual({ verb: V.Approve, stepUp: false });
    const stepUp = await service({ OIDC_STEP_UP_ACR: 'urn:raci:loa:mfa' }).of(approver, row.id);
    expect(stepUp).toContainEqual({ verb: V.Approve, stepUp: true });
    expect(stepUp).toContainEqual({ verb: V.Comment, stepUp: false });
  });

  it('offers the informed customer no decision', async () => {
    const verbs = await service().of(principal(CUSTOMER_A, [Role.Approver]), row.id);
    expect(verbs.map(({ verb }) => verb)).toEqual([V.Comment]);
  });

  it('answers another tenant as if the request did not exist', async () => {
    await expect(
      service().of(principal(CUSTOMER_B, [Role.Approver]), row.id),
    ).rejects.toBeInstanceOf(RequestsException);
  });
});
