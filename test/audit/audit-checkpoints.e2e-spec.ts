import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminEvent, AuditEntry } from '@app/audit';
import {
  ExportedCheckpoint,
  JobName,
  JobQueue,
  QueueName,
  SignAuditCheckpointsResult,
} from '@app/core';
import { verifyWebhook } from '@app/notifications';
import { Role } from '@app/parties';
import { createCast, Cast } from '../factories/cast.factory';
import { Actor, createCustomer, createUser } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { waitFor } from '../helpers/wait-for';
import { WebhookReceiver } from '../webhooks/webhook-receiver';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-1' } };

interface Verification {
  ok: boolean;
  checked: number;
  firstBroken?: { kind: string; seq: number; problem: string };
}

describe('signed checkpoints of the audit logs (/v1/audit/checkpoints)', () => {
  let t: TestApp;
  let cast: Cast;
  let receiver: WebhookReceiver;
  let runs = 0;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    // The receiver listens on loopback, which only this lets webhooks reach.
    t = await createTestApp({ withWorker: true, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    cast = await createCast(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  /** Runs the checkpoint job now, as the scheduler does, and waits for its result. */
  const signNow = async (): Promise<SignAuditCheckpointsResult> => {
    const at = new Date(Date.now() + runs++).toISOString();
    await t.app.get(JobQueue).enqueue([{ name: JobName.SignAuditCheckpoints, data: { at } }]);
    const queue = t.queue(QueueName.AuditCheckpoints);
    const id = `${JobName.SignAuditCheckpoints}.${at}`;
    return waitFor(
      async () => {
        const job = await queue.getJob(id);
        if ((await job?.getState()) === 'failed') throw new Error(`${id} failed`);
        const done = job?.finishedOn && !job.failedReason;
        return done ? (job.returnvalue as SignAuditCheckpointsResult) : undefined;
      },
      `checkpoint run ${id}`,
      { timeoutMs: 30_000 },
    );
  };

  const checkpointsOf = async (
    organizationId: string,
    caller: Actor | string = t.adminToken,
    log = 'admin',
  ) => {
    const path = `/v1/audit/checkpoints?organizationId=${organizationId}&log=${log}&limit=200`;
    const page = await api(t, caller).get(path).expect(200);
    return page.body.items as ExportedCheckpoint[];
  };

  const verifyAgainst = async (checkpoint: ExportedCheckpoint, caller: Actor | string) =>
    (await api(t, caller).post('/v1/audit/checkpoints/verify', checkpoint).expect(200))
      .body as Verification;

  /** A customer with an admin, its admin log sealed by a fresh checkpoint. */
  const sealedCustomer = async () => {
    const customer = await createCustomer(t);
    const admin = await createUser(t, customer.id, [Role.Admin]);
    await api(t, admin).patch(`/v1/organizations/${customer.id}`, { locale: 'fr' }).expect(200);
    await signNow();
    const [checkpoint] = await checkpointsOf(customer.id, admin);
    return { customer, admin, checkpoint };
  };

  const deleteAdminEvent = (organizationId: string, seq: number) =>
    t.app
      .get(DataSource)
      .createQueryBuilder()
      .delete()
      .from(AdminEvent)
      .where('organization_id = :organizationId AND seq = :seq', { organizationId, seq })
      .execute();

  it('seals each admin log that grew, with a signature plain node:crypto checks', async () => {
    const { customer, admin, checkpoint } = await sealedCustomer();
    const events = await api(t, admin)
      .get(`/v1/audit/admin-events?organizationId=${customer.id}&limit=1`)
      .expect(200);
    const head = events.body.items[0] as { seq: number; hash: string };
    expect(checkpoint).toMatchObject({
      organizationId: customer.id,
      log: 'admin',
      seq: head.seq,
      root: head.hash,
    });
    expect(checkpoint.statement).toBe(
      JSON.stringify({
        v: 1,
        organizationId: customer.id,
        log: 'admin',
        seq: head.seq,
        root: head.hash,
        signedAt: checkpoint.signedAt,
      }),
    );

    const keys = (await api(t, admin).get('/v1/audit/checkpoint-keys').expect(200)).body.keys as {
      kid: string;
      kty: string;
      crv: string;
      x: string;
      status: string;
    }[];
    const jwk = keys.find((key) => key.kid === checkpoint.keyId)!;
    expect(jwk.status).toBe('current');
    const publicKey = createPublicKey({
      key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
      format: 'jwk',
    });
    const signature = Buffer.from(checkpoint.signature, 'base64url');
    expect(verify(null, Buffer.from(checkpoint.statement), publicKey, signature)).toBe(true);

    // Nothing new in its log: the next run leaves it as it is.
    await signNow();
    expect(await checkpointsOf(customer.id, admin)).toEqual([checkpoint]);
  });

  it('verifies an untouched log, and one that grew since', async () => {
    const { customer, admin, checkpoint } = await sealedCustomer();
    expect(await verifyAgainst(checkpoint, admin)).toEqual({ ok: true, checked: checkpoint.seq });
    await api(t, admin).patch(`/v1/organizations/${customer.id}`, { locale: 'en' }).expect(200);
    expect(await verifyAgainst(checkpoint, admin)).toEqual({ ok: true, checked: checkpoint.seq });
  });

  it('names an admin event deleted before the checkpoint', async () => {
    const { customer, admin, checkpoint } = await sealedCustomer();
    expect(checkpoint.seq).toBeGreaterThan(2);
    await deleteAdminEvent(customer.id, 2);
    expect(await verifyAgainst(checkpoint, admin)).toEqual({
      ok: false,
      checked: 1,
      firstBroken: {
        kind: 'deleted_before_checkpoint',
        seq: 2,
        problem: 'entry 2 is missing: the log goes on at 3',
      },
    });
  });

  it('names the last entries deleted, and an entry written in place of the sealed one', async () => {
    const { customer, admin, checkpoint } = await sealedCustomer();
    await deleteAdminEvent(customer.id, checkpoint.seq);
    const cut = await verifyAgainst(checkpoint, admin);
    expect(cut).toMatchObject({ ok: false, checked: checkpoint.seq - 1 });
    expect(cut.firstBroken).toMatchObject({
      kind: 'deleted_before_checkpoint',
      seq: checkpoint.seq,
    });

    // A new change takes the deleted entry's place: linked, intact, but not what was sealed.
    await api(t, admin).patch(`/v1/organizations/${customer.id}`, { locale: 'en' }).expect(200);
    expect((await verifyAgainst(checkpoint, admin)).firstBroken).toMatchObject({
      kind: 'root_mismatch',
      seq: checkpoint.seq,
    });
  });

  it('names an entry edited before the checkpoint', async () => {
    const { customer, admin, checkpoint } = await sealedCustomer();
    await t.app
      .get(DataSource)
      .createQueryBuilder()
      .update(AdminEvent)
      .set({ changes: '{}' })
      .where('organization_id = :id AND seq = 1', { id: customer.id })
      .execute();
    expect((await verifyAgainst(checkpoint, admin)).firstBroken).toMatchObject({
      kind: 'entry_altered',
      seq: 1,
    });
  });

  it('refuses a forged checkpoint, and one of a key it does not know', async () => {
    const { admin, checkpoint } = await sealedCustomer();
    const refused = async (body: object, code: string) => {
      const res = await api(t, admin).post('/v1/audit/checkpoints/verify', body).expect(422);
      expect(res.body.code).toBe(code);
    };
    await refused({ ...checkpoint, seq: checkpoint.seq - 1 }, 'CHECKPOINT_SIGNATURE_INVALID');
    await refused({ ...checkpoint, root: 'f'.repeat(64) }, 'CHECKPOINT_SIGNATURE_INVALID');
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const forgedSignature = sign(null, Buffer.from(checkpoint.statement), otherKey);
    await refused(
      { ...checkpoint, signature: forgedSignature.toString('base64url') },
      'CHECKPOINT_SIGNATURE_INVALID',
    );
    await refused({ ...checkpoint, keyId: 'an-unknown-key' }, 'CHECKPOINT_KEY_UNKNOWN');
    const invalid = await api(t, admin)
      .post('/v1/audit/checkpoints/verify', { ...checkpoint, seq: 'twelve' })
      .expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
  });

  it('shows an organization’s admins their own checkpoints only, and provider admins all', async () => {
    const { onRequest, selfService, provider } = cast;
    await signNow();
    const own = await api(t, onRequest.admin).get('/v1/audit/checkpoints').expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    for (const item of own.body.items as ExportedCheckpoint[])
      expect(item.organizationId).toBe(onRequest.organizationId);

    const other = `/v1/audit/checkpoints?organizationId=${selfService.organizationId}`;
    expect((await api(t, onRequest.admin).get(other).expect(404)).body.code).toBe(
      'ORGANIZATION_NOT_FOUND',
    );
    const [theirs] = await checkpointsOf(selfService.organizationId);
    const verifyTheirs = await api(t, onRequest.admin)
      .post('/v1/audit/checkpoints/verify', theirs)
      .expect(404);
    expect(verifyTheirs.body.code).toBe('ORGANIZATION_NOT_FOUND');
    expect(
      (await api(t, onRequest.approver).get('/v1/audit/checkpoints').expect(403)).body.code,
    ).toBe('ADMIN_REQUIRED');

    const all = await api(t, provider.admin).get('/v1/audit/checkpoints?limit=200').expect(200);
    const organizations = new Set(
      (all.body.items as ExportedCheckpoint[]).map((item) => item.organizationId),
    );
    expect([...organizations]).toEqual(
      expect.arrayContaining([
        onRequest.organizationId,
        selfService.organizationId,
        provider.organizationId,
      ]),
    );
    expect(await verifyAgainst(theirs, provider.admin)).toMatchObject({ ok: true });
  });

  it('pages newest first', async () => {
    const { customer, admin } = await sealedCustomer();
    await api(t, admin).patch(`/v1/organizations/${customer.id}`, { locale: 'en' }).expect(200);
    await signNow();
    const first = await api(t, admin).get('/v1/audit/checkpoints?limit=1').expect(200);
    const next = first.body.nextCursor as string;
    expect(next).toEqual(expect.any(String));
    const second = await api(t, admin)
      .get(`/v1/audit/checkpoints?limit=1&cursor=${next}`)
      .expect(200);
    const [newer] = first.body.items as ExportedCheckpoint[];
    const [older] = second.body.items as ExportedCheckpoint[];
    expect(newer.seq).toBeGreaterThan(older.seq);
    expect(second.body.nextCursor).toBeNull();
    const bad = await api(t, admin)
      .get('/v1/audit/checkpoints?cursor=bm90LWEtY3Vyc29y')
      .expect(400);
    expect(bad.body.code).toBe('INVALID_CURSOR');
  });

  it('pushes each new checkpoint to the webhooks subscribed to audit.checkpoint', async () => {
    const customer = await createCustomer(t);
    const admin = await createUser(t, customer.id, [Role.Admin]);
    const subscribe = async (caller: Actor | string, path: string, eventTypes: string[]) =>
      (
        await api(t, caller)
          .post('/v1/webhooks', { url: `${receiver.url}${path}`, eventTypes })
          .expect(201)
      ).body as { id: string; secret: string };
    const { id: ownId, secret } = await subscribe(admin, '/own', ['audit.checkpoint']);
    await subscribe(admin, '/approvals', ['request.approved']);
    // The provider's webhooks hear of every organization's events, checkpoints among them.
    await subscribe(cast.provider.admin, '/provider', ['audit.checkpoint']);

    await signNow();
    const [checkpoint] = await checkpointsOf(customer.id, admin);
    const own = await waitFor(
      () => receiver.of('/own', checkpoint.id)[0],
      'the checkpoint at the organization’s webhook',
    );
    expect(own.headers['raci-event-type']).toBe('audit.checkpoint');
    expect(verifyWebhook(String(own.headers['raci-signature']), own.body, secret)).toBe(true);
    expect(JSON.parse(own.body)).toEqual({
      id: checkpoint.id,
      type: 'audit.checkpoint',
      occurredAt: checkpoint.signedAt,
      data: checkpoint,
    });
    // The pushed copy verifies like the listed one.
    const pushed = (JSON.parse(own.body) as { data: ExportedCheckpoint }).data;
    expect(await verifyAgainst(pushed, admin)).toMatchObject({ ok: true });

    await waitFor(
      () => receiver.of('/provider', checkpoint.id)[0],
      'the checkpoint at the provider’s webhook',
    );
    const deliveries = await waitFor(async () => {
      const page = await api(t, admin).get(`/v1/webhooks/${ownId}/deliveries`).expect(200);
      const items = page.body.items as { eventId: string; status: string }[];
      return items.find((d) => d.eventId === checkpoint.id && d.status === 'delivered') && items;
    }, 'the delivery recorded as delivered');
    expect(deliveries.find((d) => d.eventId === checkpoint.id)).toMatchObject({
      eventType: 'audit.checkpoint',
      requestId: null,
    });
    expect(receiver.received.filter((hook) => hook.path === '/approvals')).toEqual([]);
  });

  describe('of the request history', () => {
    const data = () => t.app.get(DataSource);
    /** The places in its organization's log of a request's entries. */
    const placesOf = async (requestId: string) =>
      (
        await data()
          .getRepository(AuditEntry)
          .find({ where: { requestId }, order: { logSeq: 'ASC' } })
      ).map((entry) => entry.logSeq!);
    const deleteEntries = (where: string, parameters: Record<string, unknown>) =>
      data().createQueryBuilder().delete().from(AuditEntry).where(where, parameters).execute();
    const historySealed = async (organizationId: string) => {
      await signNow();
      const [checkpoint] = await checkpointsOf(organizationId, t.adminToken, 'history');
      return checkpoint;
    };

    it('seals every entry of the organization’s requests, and names a whole request deleted', async () => {
      const { requester, organizationId } = cast.onRequest;
      const first = await submitRequest(requester, REPLICA.action, REPLICA.params);
      await submitRequest(requester, REPLICA.action, REPLICA.params);
      const checkpoint = await historySealed(organizationId);
      expect(checkpoint).toMatchObject({ organizationId, log: 'history' });
      expect(await verifyAgainst(checkpoint, cast.onRequest.admin)).toEqual({
        ok: true,
        checked: checkpoint.seq,
      });

      const [firstPlace] = await placesOf(first.id);
      await deleteEntries('request_id = :id', { id: first.id });
      const verdict = await verifyAgainst(checkpoint, cast.onRequest.admin);
      expect(verdict).toMatchObject({ ok: false, checked: firstPlace - 1 });
      expect(verdict.firstBroken).toMatchObject({
        kind: 'deleted_before_checkpoint',
        seq: firstPlace,
      });
    });

    it('names one entry deleted before the checkpoint', async () => {
      // Another cast: the first test left a gap in this one's log.
      const { onRequest: staff } = await createCast(t);
      const { requester, organizationId } = staff;
      const first = await submitRequest(requester, REPLICA.action, REPLICA.params);
      await submitRequest(requester, REPLICA.action, REPLICA.params);
      const checkpoint = await historySealed(organizationId);
      const [place] = await placesOf(first.id);
      expect(place).toBeLessThan(checkpoint.seq);
      await deleteEntries('organization_id = :organizationId AND log_seq = :place', {
        organizationId,
        place,
      });
      expect((await verifyAgainst(checkpoint, staff.admin)).firstBroken).toEqual({
        kind: 'deleted_before_checkpoint',
        seq: place,
        problem: `entry ${place} is missing: the log goes on at ${place + 1}`,
      });
    });
  });
});
