import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { createCast, Staff } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';
import { WebhookReceiver } from './webhook-receiver';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };
/** Endpoints of the noisy tenant: one under its cap, as in the finding. */
const DEAD_ENDPOINTS = 19;
const MEASURED_EVENTS = 12;
/** How many calls one organization's webhooks may have in flight at once. */
const ORGANIZATION_CONCURRENCY = 4;

/** A TCP server that accepts every connection and never says a word: a dead endpoint. */
class BlackHole {
  readonly sockets: Socket[] = [];
  /** Connections the caller gave up on (its timeout), in the order they ended. */
  readonly abandoned: Socket[] = [];
  private readonly server: Server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.on('close', () => this.abandoned.push(socket));
    this.sockets.push(socket);
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Connections open now: calls still waiting for an answer that never comes. */
  get hanging(): number {
    return this.sockets.length - this.abandoned.length;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', 1024, resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One tenant's dead endpoints must not delay another tenant's webhooks: tenant A keeps 19
 * endpoints that accept connections and never answer, and a steady stream of events for them,
 * while tenant B's events are delivered. A's calls hang for the longest timeout the engine allows,
 * so B is fair-served only if every one of its deliveries arrives while A's calls are still
 * hanging: no B delivery waits for one of A's to give up. That is a matter of order, not of
 * milliseconds, so a busy machine does not change the answer.
 */
describe('webhook fairness between tenants', () => {
  jest.setTimeout(240_000);
  let hole: BlackHole;
  let receiver: WebhookReceiver;
  let t: TestApp;
  /** Two customers on the same plan: A the noisy one, B the one measured. */
  let a: Staff;
  let b: Staff;

  beforeAll(async () => {
    hole = await new BlackHole().start();
    receiver = await new WebhookReceiver().start();
    t = await createTestApp({
      withWorker: true,
      env: {
        WEBHOOK_ALLOW_PRIVATE: 'true',
        // The longest allowed: A's calls hang for the whole measurement.
        WEBHOOK_TIMEOUT_MS: '60000',
        WEBHOOK_ORGANIZATION_CONCURRENCY: String(ORGANIZATION_CONCURRENCY),
        // The breaker would soon pause the dead endpoints: keep them failing for the whole test.
        WEBHOOK_FAILURES_BEFORE_PAUSE: '1000',
      },
    });
    a = (await createCast(t)).onRequest;
    b = (await createCast(t)).onRequest;
  });
  afterAll(async () => {
    // The dead endpoints go first, so that no call of A keeps the worker waiting as it stops.
    await hole.stop();
    await t.close();
    await receiver.stop();
  });

  const submit = (requester: Actor) =>
    submitRequest(requester, REPLICA.action, REPLICA.params).then(({ id }) => id);

  it("delivers every webhook of tenant B while tenant A's calls hang, A holding no more than its share", async () => {
    await api(t, b.admin)
      .post('/v1/webhooks', { url: `${receiver.url}/b`, eventTypes: ['request.submitted'] })
      .expect(201);
    for (let i = 0; i < DEAD_ENDPOINTS; i += 1) {
      await api(t, a.admin)
        .post('/v1/webhooks', { url: `${hole.url}/dead-${i}` })
        .expect(201);
    }
    // A backlog first: every event of A owes 19 deliveries that will each hang.
    for (let i = 0; i < 8; i += 1) await submit(a.requester);
    await waitFor(
      () => hole.hanging >= ORGANIZATION_CONCURRENCY,
      'the dead endpoints to take their share',
    );

    const measured: string[] = [];
    for (let i = 0; i < MEASURED_EVENTS; i += 1) {
      await submit(a.requester);
      measured.push(await submit(b.requester));
      await sleep(50);
    }
    await waitFor(
      () =>
        receiver.received.filter((hook) => measured.some((id) => hook.body.includes(id))).length >=
          MEASURED_EVENTS || undefined,
      "tenant B's deliveries",
      { timeoutMs: 120_000 },
    );
    // Every B delivery arrived while all of A's calls still hung: none waited for A to give up,
    // and A never had more calls in flight than its organization's share.
    expect({ abandoned: hole.abandoned.length, calls: hole.sockets.length }).toEqual({
      abandoned: 0,
      calls: ORGANIZATION_CONCURRENCY,
    });
  });
});
