import { RequestEvent, RequestEventType } from '@app/core';
import { Audience, LiveLinks, NotificationPlanner, PlannedMessage } from '@app/notifications';
import { DecisionLinks, OutboxEvent, Request, SubmitRequestService } from '@app/requests';
import { engineEvent } from '@app/requests/deadlines/engine-event';
import { CUSTOMER_CONTACT, Person } from './medium-cast.factory';
import { MediumApp } from './medium-app';

const REPLICA_TITLE = 'Add a MariaDB read-only Replica';
const DISCOVERY_TITLE = 'PDM : discover and sensitive data tag';

describe('the mail planner', () => {
  let app: MediumApp;
  let planner: NotificationPlanner;

  beforeAll(async () => {
    app = await MediumApp.start();
    planner = app.get(NotificationPlanner);
  });
  afterAll(() => app.close());

  /** Submits for the customer and returns the submitted event as the outbox holds it. */
  const submitted = async (
    by: Person,
    action: string,
    params: Record<string, unknown>,
  ): Promise<RequestEvent> => {
    const body = await app
      .get(SubmitRequestService)
      .submit(by.principal, { action, params, organizationId: app.cast.customer.id });
    const row = await app.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ aggregateId: body.id, type: 'request.submitted' });
    return row.payload;
  };
  const whom = (planned: PlannedMessage[]) => planned.map((p) => [p.audience, p.recipient]);
  /** The approve and reject links of a message's text, as it is sent. */
  const linksOf = async ({ message }: PlannedMessage) => {
    const { text } = await app.get(LiveLinks).fill(message);
    return {
      approve: /^Approve: (\S+)$/m.exec(text)?.[1],
      reject: /^Reject: (\S+)$/m.exec(text)?.[1],
    };
  };
  const tokenOf = (url: string) => url.split('/v1/email-actions/')[1];

  it('asks the provider’s approvers to decide and tells the Informed customer’s contacts', async () => {
    const { client, provider, customer } = app.cast;
    const event = await submitted(client.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });

    const planned = await planner.plan(event);

    expect(whom(planned)).toEqual([
      ['approval-needed', provider.approver.user.email],
      ['approval-needed', provider.requestingApprover.user.email],
      ['informed', CUSTOMER_CONTACT],
      ['informed', client.requester.user.email],
    ]);
    for (const { recipient, organizationId, message } of planned) {
      expect(message.to).toEqual([recipient]);
      expect(message.text).toContain(`${REPLICA_TITLE} (mariadb.add-read-only-replica)`);
      const ofProvider = recipient.endsWith('@provider.test');
      expect(organizationId).toBe(ofProvider ? app.cast.providerId : customer.id);
    }
    expect(planned.map((p) => p.message.subject)).toEqual([
      `Approval needed: ${REPLICA_TITLE} (Globex)`,
      `Approval needed: ${REPLICA_TITLE} (Globex)`,
      `Request submitted: ${REPLICA_TITLE} (Globex)`,
      `Request submitted: ${REPLICA_TITLE} (Globex)`,
    ]);
    // Only those asked to decide get links.
    expect(planned.slice(2).map((p) => p.message.text)).not.toContainEqual(
      expect.stringContaining('/v1/email-actions/'),
    );
  });

  it('gives each approver approve and reject links the decision links accept', async () => {
    const event = await submitted(app.cast.client.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-2',
    });
    const approvals = (await planner.plan(event)).filter(
      (p) => p.audience === Audience.ApprovalNeeded,
    );
    expect(approvals).toHaveLength(2);

    const links = app.get(DecisionLinks);
    for (const planned of approvals) {
      // The message as recorded holds slots, not links: only its sending makes them.
      expect(planned.message.text).toMatch(/^Approve: \{\{link:[0-9a-f]{16}\}\}$/m);
      expect(JSON.stringify(planned.message)).not.toContain('/v1/email-actions/');
      const { approve, reject } = await linksOf(planned);
      expect(approve).toMatch(/^https:\/\/raci\.test\/v1\/email-actions\/[0-9a-f-]{36}\.[\w-]+$/);
      const summary = {
        requestId: event.requestId,
        actionTitle: REPLICA_TITLE,
        organizationName: 'Globex',
        state: 'pending_approval',
        locale: 'en',
        holderId: expect.any(String),
        // No OIDC_STEP_UP_ACR here: the link alone decides.
        needsStepUp: false,
      };
      expect(await links.describe(tokenOf(approve!))).toEqual({ verb: 'approve', ...summary });
      expect(await links.describe(tokenOf(reject!))).toEqual({ verb: 'reject', ...summary });
    }
    const issued = await app.dataSource.query(
      `SELECT user_id AS userId, verb FROM email_action_links WHERE request_id = ? ORDER BY verb`,
      [event.requestId],
    );
    expect(issued).toHaveLength(4);
    expect(new Set(issued.map((row: { userId: string }) => row.userId))).toEqual(
      new Set([app.cast.provider.approver.user.id, app.cast.provider.requestingApprover.user.id]),
    );
  });

  it('never asks the submitter to approve their own request', async () => {
    const { provider } = app.cast;
    const event = await submitted(provider.requestingApprover, 'mariadb.add-read-only-replica', {
      instance: 'db-3',
    });

    // The provider is not Informed of this action, so its submitter hears nothing at all.
    expect(whom(await planner.plan(event))).toEqual([
      ['approval-needed', provider.approver.user.email],
      ['informed', CUSTOMER_CONTACT],
    ]);
  });

  it('asks the Consulted customer’s consultants and approvers for their opinion', async () => {
    const { client } = app.cast;
    const event = await submitted(
      client.requester,
      'data-masking.pdm-discover-and-tag-sensitive-data',
      { database: 'crm' },
    );
    expect(event.toState).toBe('pending_consultation');

    const planned = await planner.plan(event);

    expect(whom(planned)).toEqual([
      ['opinion-requested', client.approver.user.email],
      ['opinion-requested', client.consultant.user.email],
      ['informed', CUSTOMER_CONTACT],
      ['informed', client.requester.user.email],
    ]);
    expect(planned[0].message.subject).toBe(
      `Your opinion is requested: ${DISCOVERY_TITLE} (Globex)`,
    );
    expect(planned[2].message.subject).toBe(`Request submitted: ${DISCOVERY_TITLE} (Globex)`);
    // An opinion is not a decision: no approve or reject links.
    expect(await Promise.all(planned.map(linksOf))).toEqual(
      planned.map(() => ({ approve: undefined, reject: undefined })),
    );
  });

  it('reminds a request still in consultation to its Consulted party, not to its approvers', async () => {
    const { client } = app.cast;
    const { requestId } = await submitted(
      client.requester,
      'data-masking.pdm-discover-and-tag-sensitive-data',
      { database: 'billing' },
    );
    const request = await app.dataSource.getRepository(Request).findOneByOrFail({ id: requestId });
    // The event the deadline processor writes a working day before the due date.
    const reminder = engineEvent(request, RequestEventType.ApprovalReminder);

    const planned = await planner.plan(reminder);

    expect(whom(planned)).toEqual([
      ['opinion-requested', client.approver.user.email],
      ['opinion-requested', client.consultant.user.email],
    ]);
    expect(planned[0].message.subject).toBe(
      `Reminder: your opinion is requested: ${DISCOVERY_TITLE} (Globex)`,
    );
    expect(await Promise.all(planned.map(linksOf))).toEqual(
      planned.map(() => ({ approve: undefined, reject: undefined })),
    );
  });
});
