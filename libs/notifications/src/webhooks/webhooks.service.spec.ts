import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { fakeAdminAudit, inOneTransaction } from '@app/audit/testing/admin-audit.fixture';
import { OrganizationsService, PartiesErrorCode, Role } from '@app/parties';
import {
  CUSTOMER_A,
  CUSTOMER_B,
  principal,
  PROVIDER_ORG,
} from '@app/parties/testing/principal.fixture';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { NotificationsErrorCode as WebhooksErrorCode } from '../notifications.exception';
import { AppConfig } from '@app/core';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksService } from './webhooks.service';

const LIMIT = 3;
const config = (allowPrivate = false) =>
  AppConfig.fromEnv({
    WEBHOOK_MAX_PER_ORGANIZATION: String(LIMIT),
    WEBHOOK_ALLOW_PRIVATE: String(allowPrivate),
    SECRETS_KEY: 'ab'.repeat(32),
  });

const ENDPOINT_ID = '00000000-0000-4000-8000-0000000000e1';
const customerAdmin = principal(CUSTOMER_A, [Role.Admin]);
const providerAdmin = principal(PROVIDER_ORG, [Role.Admin]);

const stored = (organizationId = CUSTOMER_A) =>
  Object.assign(new WebhookEndpoint(), {
    id: ENDPOINT_ID,
    organizationId,
    url: 'https://hooks.example/raci',
    eventTypes: ['*'],
    disabledAt: null,
  });

describe('WebhooksService', () => {
  let endpoints: jest.Mocked<
    Pick<Repository<WebhookEndpoint>, 'insert' | 'countBy' | 'find' | 'findOneBy' | 'update'>
  >;
  let deliveries: jest.Mocked<Pick<Repository<WebhookDelivery>, 'find'>>;
  let service: WebhooksService;
  let audit: ReturnType<typeof fakeAdminAudit>;

  // The service logs each registration; the specs need not print it.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    endpoints = {
      insert: jest.fn().mockResolvedValue(undefined),
      countBy: jest.fn().mockResolvedValue(0),
      find: jest.fn().mockResolvedValue([]),
      findOneBy: jest.fn().mockResolvedValue(stored()),
      update: jest.fn().mockResolvedValue(undefined),
    };
    deliveries = { find: jest.fn().mockResolvedValue([]) };
    audit = fakeAdminAudit();
    service = serviceWith(config());
  });

  function serviceWith(settings: AppConfig): WebhooksService {
    return new WebhooksService(
      settings,
      endpoints as unknown as Repository<WebhookEndpoint>,
      deliveries as unknown as Repository<WebhookDelivery>,
      { get: jest.fn().mockResolvedValue({}) } as unknown as OrganizationsService,
      inOneTransaction(endpoints),
      audit,
      new WebhookSecrets(settings, endpoints as unknown as Repository<WebhookEndpoint>),
    );
  }

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );

  describe('register', () => {
    it('stores the secret sealed and returns it beside an endpoint that does not carry it', async () => {
      const { endpoint, secret } = await service.register(customerAdmin, {
        url: 'https://Hooks.Example/raci',
      });
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      expect(endpoint.secret).toBeUndefined();
      expect(endpoint).toMatchObject({
        organizationId: CUSTOMER_A,
        url: 'https://hooks.example/raci',
        eventTypes: ['*'],
        createdBy: customerAdmin.userId,
        disabledAt: null,
      });
      const [[row]] = endpoints.insert.mock.calls as [[{ secret: string }]];
      expect(row.secret).not.toContain(secret.slice(6));
      expect(row.secret).toMatch(/^v1\./);
      const secrets = new WebhookSecrets(
        config(),
        endpoints as unknown as Repository<WebhookEndpoint>,
      );
      expect(secrets.open(endpoint.id, row.secret)).toBe(secret);
    });

    it.each([
      'https://127.0.0.1/raci',
      'https://10.0.0.1/',
      'https://169.254.169.254/latest/meta-data',
      'https://[::ffff:10.0.0.1]/',
      'https://[fd00:ec2::254]/',
      'http://127.0.0.1:9/raci',
    ])('refuses %s, an address that is not public', async (url) => {
      expect(await codeOf(service.register(customerAdmin, { url }))).toBe(
        WebhooksErrorCode.WebhookAddressNotPublic,
      );
      expect(endpoints.insert).not.toHaveBeenCalled();
    });

    it('takes such addresses only with WEBHOOK_ALLOW_PRIVATE, and names always', async () => {
      await service.register(customerAdmin, { url: 'https://localhost:8443/raci' });
      await serviceWith(config(true)).register(customerAdmin, { url: 'http://127.0.0.1:9/raci' });
      expect(endpoints.insert).toHaveBeenCalledTimes(2);
    });

    it('keeps the distinct event types asked for; "*" among them means every event', async () => {
      const types = ['request.approved', 'request.approved', 'request.completed'];
      const some = await service.register(customerAdmin, {
        url: 'https://h.example/',
        eventTypes: types,
      });
      expect(some.endpoint.eventTypes).toEqual(['request.approved', 'request.completed']);
      const all = await service.register(customerAdmin, {
        url: 'https://h.example/',
        eventTypes: ['request.approved', '*'],
      });
      expect(all.endpoint.eventTypes).toEqual(['*']);
    });

    it.each([
      [
        'a non-admin',
        principal(CUSTOMER_A, [Role.Requester, Role.Approver]),
        {},
        PartiesErrorCode.AdminRequired,
      ],
      [
        'a provider non-admin',
        principal(PROVIDER_ORG, [Role.Operator]),
        {},
        PartiesErrorCode.AdminRequired,
      ],
      [
        'a customer admin for another customer',
        customerAdmin,
        { organizationId: CUSTOMER_B },
        PartiesErrorCode.AdminRequired,
      ],
      [
        'plain http off loopback',
        customerAdmin,
        { url: 'http://h.example/' },
        WebhooksErrorCode.WebhookUrlNotAllowed,
      ],
      [
        'an unknown event type',
        customerAdmin,
        { eventTypes: ['request.eaten'] },
        WebhooksErrorCode.WebhookEventTypesInvalid,
      ],
      [
        'no event type',
        customerAdmin,
        { eventTypes: [] },
        WebhooksErrorCode.WebhookEventTypesInvalid,
      ],
    ])('refuses %s', async (_what, caller, input, code) => {
      expect(await codeOf(service.register(caller, { url: 'https://h.example/', ...input }))).toBe(
        code,
      );
      expect(endpoints.insert).not.toHaveBeenCalled();
    });

    it('lets provider admins register for any organization', async () => {
      const { endpoint } = await service.register(providerAdmin, {
        url: 'https://h.example/',
        organizationId: CUSTOMER_B,
      });
      expect(endpoint.organizationId).toBe(CUSTOMER_B);
    });

    it('stops at WEBHOOK_MAX_PER_ORGANIZATION webhooks per organization', async () => {
      endpoints.countBy.mockResolvedValue(LIMIT - 1);
      await service.register(customerAdmin, { url: 'https://h.example/' });
      endpoints.countBy.mockResolvedValue(LIMIT);
      expect(await codeOf(service.register(customerAdmin, { url: 'https://h.example/' }))).toBe(
        WebhooksErrorCode.WebhookLimitReached,
      );
    });
  });

  describe('one endpoint', () => {
    it('is not found for another customer, nor when deleted or malformed', async () => {
      const other = principal(CUSTOMER_B, [Role.Admin]);
      expect(await codeOf(service.disable(other, ENDPOINT_ID))).toBe(
        WebhooksErrorCode.WebhookNotFound,
      );
      expect(await codeOf(service.deliveriesOf(other, ENDPOINT_ID))).toBe(
        WebhooksErrorCode.WebhookNotFound,
      );
      endpoints.findOneBy.mockResolvedValue(null);
      expect(await codeOf(service.disable(customerAdmin, ENDPOINT_ID))).toBe(
        WebhooksErrorCode.WebhookNotFound,
      );
      expect(await codeOf(service.disable(customerAdmin, 'not-a-uuid'))).toBe(
        WebhooksErrorCode.WebhookNotFound,
      );
      expect(endpoints.update).not.toHaveBeenCalled();
    });

    it('is managed by its organization’s admins and provider admins only', async () => {
      expect(
        await codeOf(service.disable(principal(CUSTOMER_A, [Role.Requester]), ENDPOINT_ID)),
      ).toBe(PartiesErrorCode.AdminRequired);
      await service.disable(customerAdmin, ENDPOINT_ID);
      await service.disable(providerAdmin, ENDPOINT_ID);
      expect(endpoints.update).toHaveBeenCalledTimes(2);
    });
  });

  it('records the registration and the deletion in the admin audit log, in their transaction', async () => {
    const { endpoint, secret } = await service.register(customerAdmin, {
      url: 'https://hooks.example/raci',
    });
    expect(audit.record).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'webhook.created',
        organizationId: CUSTOMER_A,
        subjectId: endpoint.id,
        changes: expect.objectContaining({ secret: { from: null, to: secret } }),
      }),
    );
    await service.disable(customerAdmin, ENDPOINT_ID);
    expect(audit.record).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ action: 'webhook.deleted', subjectId: ENDPOINT_ID }),
    );
  });

  describe('resume', () => {
    it('unpauses a paused endpoint, resets its count and records who did it', async () => {
      const pausedAt = new Date('2026-11-30T06:00:00Z');
      endpoints.findOneBy.mockResolvedValue(
        Object.assign(stored(), { pausedAt, consecutiveFailures: 9 }),
      );
      const endpoint = await service.resume(customerAdmin, ENDPOINT_ID);
      expect(endpoint).toMatchObject({ pausedAt: null, consecutiveFailures: 0 });
      expect(endpoints.update).toHaveBeenCalledWith(expect.objectContaining({ id: ENDPOINT_ID }), {
        pausedAt: null,
        consecutiveFailures: 0,
      });
      expect(audit.record).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ action: 'webhook.resumed', actor: customerAdmin }),
      );
    });

    it('changes nothing on an endpoint that is not paused, and is for admins only', async () => {
      endpoints.findOneBy.mockResolvedValue(Object.assign(stored(), { pausedAt: null }));
      await service.resume(customerAdmin, ENDPOINT_ID);
      expect(endpoints.update).not.toHaveBeenCalled();
      expect(
        await codeOf(service.resume(principal(CUSTOMER_A, [Role.Requester]), ENDPOINT_ID)),
      ).toBe(PartiesErrorCode.AdminRequired);
    });
  });

  describe('list', () => {
    it('shows a customer admin its own organization’s, a provider admin every one', async () => {
      await service.list(customerAdmin);
      expect(endpoints.find.mock.calls[0][0]?.where).toMatchObject({ organizationId: CUSTOMER_A });
      await service.list(providerAdmin);
      expect(endpoints.find.mock.calls[1][0]?.where).not.toHaveProperty('organizationId');
      expect(await codeOf(service.list(principal(CUSTOMER_A, [Role.Approver])))).toBe(
        PartiesErrorCode.AdminRequired,
      );
    });
  });
});
