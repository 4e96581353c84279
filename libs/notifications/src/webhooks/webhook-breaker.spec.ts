import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { fakeAdminAudit, inOneTransaction } from '@app/audit/testing/admin-audit.fixture';
import { AppConfig } from '@app/core';
import { OrganizationsService } from '@app/parties';
import { WebhookBreaker } from './webhook-breaker';
import { WebhookEndpoint } from './webhook-endpoint.entity';

const PROVIDER = '00000000-0000-4000-8000-000000000001';
const CUSTOMER = '00000000-0000-4000-8000-00000000000a';
const ENDPOINT = '00000000-0000-4000-8000-0000000000e1';

describe('WebhookBreaker', () => {
  let row: WebhookEndpoint;
  let endpoints: Record<'update' | 'increment' | 'findOneBy', jest.Mock>;
  let audit: ReturnType<typeof fakeAdminAudit>;
  let breaker: WebhookBreaker;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    row = Object.assign(new WebhookEndpoint(), {
      id: ENDPOINT,
      organizationId: CUSTOMER,
      consecutiveFailures: 0,
      pausedAt: null,
      disabledAt: null,
    });
    endpoints = {
      increment: jest.fn(() => {
        row.consecutiveFailures += 1;
        return Promise.resolve({ affected: 1, raw: [], generatedMaps: [] });
      }),
      findOneBy: jest.fn(() => Promise.resolve({ ...row })),
      update: jest.fn((_where: unknown, values: Partial<WebhookEndpoint>) => {
        const affected = values.pausedAt && row.pausedAt ? 0 : 1;
        Object.assign(row, values);
        return Promise.resolve({ affected, raw: [], generatedMaps: [] });
      }),
    };
    audit = fakeAdminAudit();
    breaker = new WebhookBreaker(
      AppConfig.fromEnv({ WEBHOOK_FAILURES_BEFORE_PAUSE: '3' }),
      endpoints as unknown as Repository<WebhookEndpoint>,
      inOneTransaction(endpoints),
      audit,
      { providerOrganizationId: () => Promise.resolve(PROVIDER) } as OrganizationsService,
    );
  });

  it('pauses at the third failure in a row, once, and records it for the organization', async () => {
    expect(await breaker.failed(row)).toBe(false);
    expect(await breaker.failed(row)).toBe(false);
    expect(await breaker.failed(row)).toBe(true);
    expect(row.pausedAt).toBeInstanceOf(Date);
    expect(await breaker.failed(row)).toBe(false);
    expect(audit.record).toHaveBeenCalledTimes(1);
    expect(audit.record).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        organizationId: CUSTOMER,
        action: 'webhook.paused',
        subjectId: ENDPOINT,
        actor: { userId: null, organizationId: PROVIDER },
      }),
    );
  });

  it('starts counting again after a success', async () => {
    await breaker.failed(row);
    await breaker.failed(row);
    await breaker.succeeded(row);
    expect(row.consecutiveFailures).toBe(0);
    expect(await breaker.failed(row)).toBe(false);
    expect(await breaker.failed(row)).toBe(false);
    expect(row.pausedAt).toBeNull();
  });
});
