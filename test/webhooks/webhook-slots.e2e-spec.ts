import { randomBytes } from 'node:crypto';
import { AppConfig } from '@app/core';
import { WebhookSlots } from '@app/notifications';
import { deleteRedisKeys, SHARED_REDIS_URL } from '../helpers/redis-keys';

const ORG_A = 'org-a';
const ORG_B = 'org-b';

/** The POSTs in flight per endpoint and per organization, counted in Redis across workers. */
describe('webhook slots', () => {
  const prefix = `raci-test-${randomBytes(4).toString('hex')}`;
  const slotsWith = (env: Record<string, string> = {}) =>
    new WebhookSlots(
      AppConfig.fromEnv({
        REDIS_URL: SHARED_REDIS_URL,
        QUEUE_PREFIX: prefix,
        WEBHOOK_ENDPOINT_CONCURRENCY: '2',
        WEBHOOK_ORGANIZATION_CONCURRENCY: '3',
        ...env,
      }),
    );
  // Two workers, as two processes would be.
  const first = slotsWith();
  const second = slotsWith();
  afterAll(async () => {
    first.onModuleDestroy();
    second.onModuleDestroy();
    await deleteRedisKeys(prefix);
  });

  const slot = (endpointId: string, organizationId: string, holder: string) => ({
    endpointId,
    organizationId,
    holder,
  });

  it('lets an endpoint have 2 in flight and its organization 3, across workers', async () => {
    expect(await first.acquire(slot('e1', ORG_A, 'j1'))).toBe(true);
    expect(await second.acquire(slot('e1', ORG_A, 'j2'))).toBe(true);
    expect(await first.acquire(slot('e1', ORG_A, 'j3'))).toBe(false);
    expect(await second.acquire(slot('e2', ORG_A, 'j4'))).toBe(true);
    // The organization's share is taken: its other endpoints wait, other organizations do not.
    expect(await first.acquire(slot('e3', ORG_A, 'j5'))).toBe(false);
    expect(await first.acquire(slot('e9', ORG_B, 'j6'))).toBe(true);
    // A job run again keeps the slot it holds.
    expect(await first.acquire(slot('e1', ORG_A, 'j1'))).toBe(true);

    await second.release(slot('e1', ORG_A, 'j2'));
    expect(await first.acquire(slot('e1', ORG_A, 'j3'))).toBe(true);
    for (const [endpoint, organization, holder] of [
      ['e1', ORG_A, 'j1'],
      ['e1', ORG_A, 'j3'],
      ['e2', ORG_A, 'j4'],
      ['e9', ORG_B, 'j6'],
    ]) {
      await first.release(slot(endpoint, organization, holder));
    }
  });

  it('frees the slot of a worker that died holding it once its lease runs out', async () => {
    // WEBHOOK_TIMEOUT_MS plus a margin: a lease taken an hour ago has run out.
    const dead = slotsWith({ WEBHOOK_ENDPOINT_CONCURRENCY: '1' });
    const now = Date.now;
    Date.now = () => now() - 3_600_000;
    try {
      expect(await dead.acquire(slot('e5', ORG_A, 'lost'))).toBe(true);
    } finally {
      Date.now = now;
    }
    expect(await dead.acquire(slot('e5', ORG_A, 'next'))).toBe(true);
    expect(await dead.acquire(slot('e5', ORG_A, 'third'))).toBe(false);
    dead.onModuleDestroy();
  });
});
