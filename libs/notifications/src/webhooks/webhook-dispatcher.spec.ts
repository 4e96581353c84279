import { QueryFailedError, Repository } from 'typeorm';
import { JobName, RequestEvent, RequestEventType, RequestState } from '@app/core';
import { OrganizationsService } from '@app/parties';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpoint } from './webhook-endpoint.entity';

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
  dueAt: null,
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
    dispatcher = new WebhookDispatcher(
      endpoints as unknown as Repository<WebhookEndpoint>,
      deliveries as unknown as Repository<WebhookDelivery>,
      { providerOrganizationId: () => Promise.resolve(PROVIDER) } as OrganizationsService,
    );
  });

  it('looks only at enabled, unpaused endpoints of the customer and of the provider', async () => {
    await dispatcher.dispatch(event);
    const [{ where }] = endpoints.find.mock.calls[0] as [{ where: Record<string, unknown> }];
    expect(where.organizationId).toMatchObject({ _type: 'in', _value: [CUSTOMER, PROVIDER] });
    expect(where.disabledAt).toMatchObject({ _type: 'isNull' });
    expect(where.pausedAt).toMatchObject({ _type: 'isNull' });
  });

  it('records a pending delivery and answers one delivery job per subscribed endpoint', async () => {
    const { jobs, recorded } = await dispatcher.dispatch(event);
    expect(recorded).toBe(3);

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
    expect(jobs).toEqual(
      [
        ['customer-all', CUSTOMER],
        ['customer-approved', CUSTOMER],
        ['provider-all', PROVIDER],
      ].map(([endpointId, organizationId]) => ({
        name: JobName.DeliverWebhook,
        data: { endpointId, organizationId, event },
      })),
    );
  });

  it('counts an event already dispatched to an endpoint as nothing new, yet answers its job', async () => {
    deliveries.insert.mockRejectedValueOnce(duplicate());
    const { jobs, recorded } = await dispatcher.dispatch(event);
    expect(recorded).toBe(2);
    // The same job as the first time: its id keeps one job, and a job lost in a crash is restored.
    expect(jobs).toHaveLength(3);
  });

  it('lets any other database error through, so the dispatch job is retried', async () => {
    deliveries.insert.mockRejectedValueOnce(new Error('connection lost'));
    await expect(dispatcher.dispatch(event)).rejects.toThrow('connection lost');
  });

  it('answers nothing when no endpoint listens', async () => {
    endpoints.find.mockResolvedValue([]);
    expect(await dispatcher.dispatch(event)).toEqual({ jobs: [], recorded: 0 });
  });
});
