import { Queue } from 'bullmq';
import { QueryFailedError, Repository } from 'typeorm';
import { JobName, WEBHOOK_JOB_POLICY } from '@app/core';
import { OrganizationsService } from '@app/parties';
import { RequestEvent, RequestEventType, RequestState } from '@app/requests';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookJob } from './webhook-job';

const PROVIDER = '00000000-0000-4000-8000-000000000001';
const CUSTOMER = '00000000-0000-4000-8000-00000000000a';

const event: RequestEvent = {
  id: '00000000-0000-4000-8000-0000000000e1',
  type: RequestEventType.Approved,
  requestId: '00000000-0000-4000-8000-0000000000f1',
  organizationId: CUSTOMER,
  action: 'mariadb.add-read-only-replica',
  fromState: RequestState.PendingApproval,
  toState: RequestState.Approved,
  actorId: null,
  actorOrganizationId: PROVIDER,
  letter: 'A',
  comment: null,
  occurredAt: '2025-11-24T12:00:00.000Z',
};

const endpoint = (id: string, organizationId: string, eventTypes: string[]) =>
  Object.assign(new WebhookEndpoint(), { id, organizationId, eventTypes, disabledAt: null });

const duplicate = () =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate'), { code: '23505' }));

describe('WebhookDispatcher', () => {
  let endpoints: jest.Mocked<Pick<Repository<WebhookEndpoint>, 'find'>>;
  let deliveries: jest.Mocked<Pick<Repository<WebhookDelivery>, 'insert'>>;
  let queue: jest.Mocked<Pick<Queue<WebhookJob>, 'add'>>;
  let dispatcher: WebhookDispatcher;

  beforeEach(() => {
    endpoints = {
      find: jest
        .fn()
        .mockResolvedValue([
          endpoint('customer-all', CUSTOMER, ['*']),
          endpoint('customer-approved', CUSTOMER, [RequestEventType.Approved]),
          endpoint('customer-completed', CUSTOMER, [RequestEventType.Completed]),
          endpoint('provider-all', PROVIDER, ['*']),
        ]),
    };
    deliveries = { insert: jest.fn().mockResolvedValue(undefined) };
    queue = { add: jest.fn().mockResolvedValue(undefined) };
    dispatcher = new WebhookDispatcher(
      endpoints as unknown as Repository<WebhookEndpoint>,
      deliveries as unknown as Repository<WebhookDelivery>,
      queue as unknown as Queue<WebhookJob>,
      { providerOrganizationId: () => Promise.resolve(PROVIDER) } as OrganizationsService,
    );
  });

  it('looks only at enabled endpoints of the customer and of the provider', async () => {
    await dispatcher.dispatch(event);
    const [{ where }] = endpoints.find.mock.calls[0] as [{ where: Record<string, unknown> }];
    expect(where.organizationId).toMatchObject({ _type: 'in', _value: [CUSTOMER, PROVIDER] });
    expect(where.disabledAt).toMatchObject({ _type: 'isNull' });
  });

  it('records a pending delivery and adds one deterministic job per subscribed endpoint', async () => {
    expect(await dispatcher.dispatch(event)).toBe(3);

    expect(deliveries.insert.mock.calls.map(([row]) => row)).toEqual(
      ['customer-all', 'customer-approved', 'provider-all'].map((endpointId): unknown =>
        expect.objectContaining({
          endpointId,
          eventId: event.id,
          eventType: event.type,
          requestId: event.requestId,
          status: WebhookDeliveryStatus.Pending,
          attempts: 0,
        }),
      ),
    );
    expect(queue.add.mock.calls).toEqual(
      ['customer-all', 'customer-approved', 'provider-all'].map((endpointId) => [
        JobName.DeliverWebhook,
        { endpointId, event },
        { ...WEBHOOK_JOB_POLICY, jobId: `${event.id}.${endpointId}` },
      ]),
    );
  });

  it('counts an event already dispatched to an endpoint as nothing new, yet re-adds its job', async () => {
    deliveries.insert.mockRejectedValueOnce(duplicate());
    expect(await dispatcher.dispatch(event)).toBe(2);
    // Same job id as the first time: BullMQ keeps one job, and a job lost in a crash is restored.
    expect(queue.add).toHaveBeenCalledTimes(3);
    expect(queue.add.mock.calls[0][2]).toMatchObject({ jobId: `${event.id}.customer-all` });
  });

  it('lets any other database error through, so the planner retries the event', async () => {
    deliveries.insert.mockRejectedValueOnce(new Error('connection lost'));
    await expect(dispatcher.dispatch(event)).rejects.toThrow('connection lost');
    expect(queue.add).not.toHaveBeenCalled();
  });

  it('enqueues nothing when no endpoint listens', async () => {
    endpoints.find.mockResolvedValue([]);
    expect(await dispatcher.dispatch(event)).toBe(0);
    expect(queue.add).not.toHaveBeenCalled();
  });
});
