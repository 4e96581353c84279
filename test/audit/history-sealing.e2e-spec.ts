import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminEvent, AuditEntry, GENESIS_HASH, HistorySealer } from '@app/audit';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-prod-01' } };
const AUDIT_KEY = 'history-sealing-audit-key-0123456789abcdef';

/** What the verify endpoints answer. */
interface Verdict {
  ok: boolean;
  checked: number;
  firstBroken?: Record<string, unknown>;
}

const sha256 = (fields: unknown[]) =>
  createHash('sha256').update(JSON.stringify(fields)).digest('hex');

/**
 * History recorded before it was keyed (plain SHA-256 chains, no key, no log, no heads) is sealed
 * at the API's start: an organization whose old chains hold gets its MACs, log and heads, and
 * verifies; one whose old chain was already broken is left unsealed, and verify says so.
 */
describe('sealing the history recorded before keys', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp({ env: { AUDIT_KEY } });
  });
  beforeEach(async () => {
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const verify = async (path: string, admin: Actor = cast.onRequest.admin) =>
    (await api(t, admin).get(path).expect(200)).body as Verdict;
  const approvedTwice = async () => {
    for (let i = 0; i < 2; i++) {
      const submitted = await submitRequest(cast.onRequest.requester, REPLICA.action, {
        instance: `db-${i}`,
      });
      await walk(submitted, { verb: 'approve', body: { comment: `fine ${i}` } });
    }
    await api(t, cast.onRequest.admin)
      .patch(`/v1/organizations/${cast.onRequest.organizationId}`, { locale: 'fr' })
      .expect(200);
  };

  it("keys an organization's older history, which then verifies and goes on", async () => {
    await approvedTwice();
    await asRecordedBeforeKeys(cast.onRequest.organizationId);
    expect(await verify('/v1/audit/verify')).toMatchObject({
      ok: false,
      firstBroken: { kind: 'unsealed', problem: expect.stringMatching(/not sealed yet/) },
    });
    expect(await verify('/v1/audit/admin-events/verify')).toMatchObject({
      ok: false,
      firstBroken: { kind: 'unsealed' },
    });

    const outcome = await t.app.get(HistorySealer).run();
    expect(outcome.sealed).toContain(cast.onRequest.organizationId);
    expect(outcome.unsealed).not.toContain(cast.onRequest.organizationId);
    expect(await verify('/v1/audit/verify')).toMatchObject({ ok: true });
    expect(await verify('/v1/audit/admin-events/verify')).toMatchObject({ ok: true });

    const later = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    await walk(later, 'approve');
    expect(await verify('/v1/audit/verify')).toMatchObject({ ok: true });
    const [log] = await db().query(
      `SELECT seq FROM audit_logs WHERE organization_id = '${cast.onRequest.organizationId}'`,
    );
    expect(Number(log.seq)).toBe(
      await db()
        .getRepository(AuditEntry)
        .countBy({ organizationId: cast.onRequest.organizationId }),
    );
  });

  it('leaves an organization whose older chain was already broken unsealed, and says why', async () => {
    await approvedTwice();
    await asRecordedBeforeKeys(cast.onRequest.organizationId);
    await db().query(
      `UPDATE audit_entries SET comment = 'approved without looking'
       WHERE organization_id = '${cast.onRequest.organizationId}' AND seq = 2`,
    );
    const outcome = await t.app.get(HistorySealer).run();
    expect(outcome.unsealed).toContain(cast.onRequest.organizationId);
    expect(await verify('/v1/audit/verify')).toMatchObject({
      ok: false,
      firstBroken: { kind: 'unsealed', problem: expect.stringMatching(/already broken.*edited/) },
    });
  });

  /**
   * Turns the organization's history and admin log back into what was recorded before keys: plain
   * SHA-256 chains over the fields of then, no key, no place in a log, no head on the rows.
   */
  async function asRecordedBeforeKeys(organizationId: string): Promise<void> {
    const entries = db().getRepository(AuditEntry);
    const chains = await entries.find({
      where: { organizationId },
      order: { requestId: 'ASC', seq: 'ASC' },
    });
    await entries.update({ organizationId }, { logSeq: null });
    let previous: AuditEntry | undefined;
    for (const entry of chains) {
      const prevHash = previous?.requestId === entry.requestId ? previous.hash : GENESIS_HASH;
      const a = entry.authentication;
      const hash = sha256([
        entry.id,
        entry.requestId,
        entry.organizationId,
        entry.seq,
        entry.actorId,
        entry.actorOrganizationId,
        entry.letter,
        entry.event,
        entry.fromState,
        entry.toState,
        entry.comment,
        entry.createdAt.toISOString(),
        prevHash,
        ...(a ? [[a.kind, a.id, a.method, a.acr, a.amr, a.authTime]] : []),
      ]);
      await entries.update(
        { id: entry.id },
        { prevHash, hash, keyId: null, logSeq: null, logPrevHash: null },
      );
      previous = Object.assign(entry, { prevHash, hash });
    }
    await db().query(
      `UPDATE requests SET audit_seq = NULL, audit_hash = NULL
       WHERE organization_id = '${organizationId}'`,
    );
    await db().query(`DELETE FROM audit_logs WHERE organization_id = '${organizationId}'`);

    const events = db().getRepository(AdminEvent);
    let prevHash = GENESIS_HASH;
    for (const event of await events.find({ where: { organizationId }, order: { seq: 'ASC' } })) {
      const hash = sha256([
        event.id,
        event.organizationId,
        event.seq,
        event.actorId,
        event.actorOrganizationId,
        event.action,
        event.subjectType,
        event.subjectId,
        event.changes,
        event.createdAt.toISOString(),
        prevHash,
      ]);
      await events.update({ id: event.id }, { prevHash, hash, keyId: null });
      prevHash = hash;
    }
  }
});
