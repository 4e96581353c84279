import { Party, PARTIES } from '@app/catalog';
import { RequestState } from '@app/core';
import {
  Organization,
  OrganizationKind,
  OrganizationsService,
  Role,
  ROLES,
  User,
  UsersService,
} from '@app/parties';
import { CUSTOMER_A, PROVIDER_ORG } from '@app/parties/testing/principal.fixture';
import { HeldBy, HeldDelegations, RequestVerb, RequestView } from '@app/requests';
import { allowedByMatrix, distinctShapes, seedCatalog } from '@app/requests/testing/raci-oracle';
import { Audience, VERB_ASKED_OF } from './audience';
import { RecipientDirectory } from './recipient-directory';

const catalog = seedCatalog();
const ORGANIZATION_OF: Record<Party, string> = {
  [Party.Provider]: PROVIDER_ORG,
  [Party.Customer]: CUSTOMER_A,
};

const organization = (party: Party): Organization =>
  Object.assign(new Organization(), {
    id: ORGANIZATION_OF[party],
    kind: party === Party.Provider ? OrganizationKind.Provider : OrganizationKind.Customer,
    contactEmails: [`contact@${party}.test`],
  });

/** One user per party and role, and the submitter: an approver and requester of each party. */
const USERS: User[] = PARTIES.flatMap((party) => [
  ...ROLES.map((role) =>
    Object.assign(new User(), {
      id: `${party}-${role}`,
      organizationId: ORGANIZATION_OF[party],
      email: `${role}@${party}.test`,
      roles: [role],
    }),
  ),
  Object.assign(new User(), {
    id: `${party}-submitter`,
    organizationId: ORGANIZATION_OF[party],
    email: `submitter@${party}.test`,
    roles: [Role.Approver, Role.Requester],
  }),
]);

describe('RecipientDirectory: mail asks exactly those the matrix lets act', () => {
  const organizations = {
    [Party.Provider]: organization(Party.Provider),
    [Party.Customer]: organization(Party.Customer),
  };
  const otherCustomer = Object.assign(new Organization(), {
    id: 'org-other-customer',
    kind: OrganizationKind.Customer,
    contactEmails: ['contact@other.test', 'it@other.test'],
  });
  const directory = new RecipientDirectory(
    {
      withProvider: () => Promise.resolve(Object.values(organizations)),
      customers: () => Promise.resolve([organizations[Party.Customer], otherCustomer]),
    } as unknown as OrganizationsService,
    {
      membersOf: (ids: readonly string[]) =>
        Promise.resolve(USERS.filter((user) => ids.includes(user.organizationId))),
    } as unknown as UsersService,
    catalog,
    { of: () => Promise.resolve([]) } as unknown as HeldDelegations,
  );
  const asked = Object.keys(VERB_ASKED_OF) as (keyof typeof VERB_ASKED_OF)[];

  it.each(
    distinctShapes(catalog).flatMap((shape) =>
      asked.map((audience) => [shape.key, audience, shape] as const),
    ),
  )('%s: %s', async (_key, audience, shape) => {
    for (const submitterParty of PARTIES) {
      const request = {
        ...shape,
        id: 'request',
        action: shape.key,
        organizationId: CUSTOMER_A,
        state: RequestState.PendingApproval,
        submittedBy: { id: `${submitterParty}-submitter`, name: '', email: '' },
      } as unknown as RequestView;
      const recipients = await directory.recipients(audience, request, organizations);
      const verb: RequestVerb = VERB_ASKED_OF[audience];
      const expected = USERS.filter((user) => {
        const party = user.organizationId === PROVIDER_ORG ? Party.Provider : Party.Customer;
        const may = user.roles.some((role) => allowedByMatrix(verb, party, role, shape));
        const fourEyes = verb === RequestVerb.Approve && user.id === request.submittedBy.id;
        return may && !fourEyes;
      }).map((user) => user.email);
      expect(recipients.map((r) => r.email).sort()).toEqual(expected.sort());
    }
  });

  it('asks the approvers of a Consulted party for their opinion too', async () => {
    const shape = distinctShapes(catalog).find((s) => s.consulted.includes(Party.Customer))!;
    const request = {
      ...shape,
      action: shape.key,
      organizationId: CUSTOMER_A,
      submittedBy: { id: 'customer-submitter', name: '', email: '' },
    } as unknown as RequestView;
    const recipients = await directory.recipients(
      Audience.OpinionRequested,
      request,
      organizations,
    );
    expect(recipients.map((r) => r.email)).toEqual(
      expect.arrayContaining(['approver@customer.test', 'consultant@customer.test']),
    );
  });

  it('tells the Informed party’s mailboxes, which are no user, and its submitter, who is one', async () => {
    const shape = distinctShapes(catalog).find((s) => s.informed.includes(Party.Customer))!;
    const request = {
      ...shape,
      action: shape.key,
      organizationId: CUSTOMER_A,
      submittedBy: { id: 'customer-submitter', name: '', email: '' },
    } as unknown as RequestView;
    const recipients = await directory.recipients(Audience.Informed, request, organizations);
    expect(recipients.map(({ email, userId }) => ({ email, userId }))).toEqual(
      expect.arrayContaining([
        { email: 'contact@customer.test', userId: undefined },
        { email: 'submitter@customer.test', userId: 'customer-submitter' },
      ]),
    );
  });

  it('no longer asks, nor reminds, those whose approval already counts towards the quorum', async () => {
    const shape = distinctShapes(catalog).find((s) => s.accountable === Party.Provider)!;
    const approval = (by: string, onBehalfOf: string | null, voided: string | null) => ({
      by,
      onBehalfOf,
      at: '2026-11-30T10:00:00.000Z',
      void: voided,
    });
    const request = {
      ...shape,
      action: shape.key,
      organizationId: CUSTOMER_A,
      state: RequestState.PendingApproval,
      submittedBy: { id: 'customer-submitter', name: '', email: '' },
      approvalsRequired: 3,
      approvals: [
        approval('provider-approver', null, null),
        approval('provider-submitter', null, 'given on other parameters'),
      ],
    } as unknown as RequestView;
    const asked = async (view: RequestView) =>
      (await directory.recipients(Audience.ApprovalNeeded, view, organizations)).map(
        (r) => r.email,
      );
    expect(await asked({ ...request, approvals: [] })).toEqual([
      'approver@provider.test',
      'submitter@provider.test',
    ]);
    // A void approval counts for nothing: its person is still asked.
    expect(await asked(request)).toEqual(['submitter@provider.test']);
    // A delegate's approval counts for the delegator.
    const delegated = [approval('a-delegate', 'provider-submitter', null)];
    expect(await asked({ ...request, approvals: delegated })).toEqual(['approver@provider.test']);
  });

  it('asks a delegate what their delegator is asked, never for a request the delegator submitted', async () => {
    const shape = distinctShapes(catalog).find((s) => s.accountable === Party.Provider)!;
    const held: HeldBy[] = [
      {
        delegateId: 'provider-requester',
        delegatorId: 'provider-approver',
        roles: [Role.Approver],
        delegator: { id: 'provider-approver', name: '', email: 'approver@provider.test' },
      },
    ];
    const delegating = new RecipientDirectory(
      { withProvider: () => Promise.resolve(Object.values(organizations)) } as never,
      {
        membersOf: (ids: readonly string[]) =>
          Promise.resolve(USERS.filter((user) => ids.includes(user.organizationId))),
      } as never,
      catalog,
      { of: () => Promise.resolve(held) } as unknown as HeldDelegations,
    );
    const requestBy = (submitter: string) =>
      ({
        ...shape,
        action: shape.key,
        organizationId: CUSTOMER_A,
        submittedBy: { id: submitter, name: '', email: '' },
      }) as unknown as RequestView;
    const askedOf = async (submitter: string) =>
      (
        await delegating.recipients(Audience.ApprovalNeeded, requestBy(submitter), organizations)
      ).map((r) => r.email);
    expect(await askedOf('customer-submitter')).toContain('requester@provider.test');
    expect(await askedOf('provider-approver')).not.toContain('requester@provider.test');
  });

  it('tells every customer organization of a change of the matrix, each in its own organization', async () => {
    const change = catalog.action('catalog.change-matrix')!;
    const request = {
      action: change.key,
      organizationId: PROVIDER_ORG,
      informed: [Party.Customer],
      accountable: Party.Provider,
      submittedBy: { id: 'provider-submitter', name: '', email: '' },
    } as unknown as RequestView;
    // The request is the provider's: its "customer" is the provider organization itself.
    const own = { ...organizations, [Party.Customer]: organizations[Party.Provider] };
    const recipients = await directory.recipients(Audience.Informed, request, own);
    expect(recipients.map(({ email, organization }) => [email, organization.id])).toEqual([
      ['contact@customer.test', CUSTOMER_A],
      ['contact@other.test', 'org-other-customer'],
      ['it@other.test', 'org-other-customer'],
    ]);
  });
});
