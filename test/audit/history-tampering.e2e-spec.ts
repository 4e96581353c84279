import { createHash, createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminEvent, adminEventFields, AuditEntry, auditKeyId, entryFields } from '@app/audit';
import { Cast, createCast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { RequestView, submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';
import { E2E_DRIVER } from '../helpers/test-database';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-prod-01' } };
/** A key the engine was never given, as someone who can write to the database would use. */
const WRONG_KEY = 'not-the-engines-audit-key-0123456789abcdef';

/** What the verify endpoints answer. */
interface Verdict {
  ok: boolean;
  checked: number;
  firstBroken?: Record<string, unknown>;
}

const sha256 = (fields: unknown[]) =>
  createHash('sha256').update(JSON.stringify(fields)).digest('hex');
const hmac = (key: string, fields: unknown[]) =>
  createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');

/**
 * Someone who can write to the database but has not the audit key: whatever they delete, rewrite
 * or re-hash in the history, /v1/audit/verify answers `ok: false` and names what by its kind.
 * Each case has a cast of its own and verifies as its customer's admin, so one case's tampering is
 * not what another finds.
 */
describe('tampering with the history (GET /v1/audit/verify)', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const verify = async (admin: Actor = cast.onRequest.admin): Promise<Verdict> =>
    (await api(t, admin).get('/v1/audit/verify').expect(200)).body as Verdict;
  const approved = async () => {
    const submitted = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    await walk(submitted, { verb: 'approve', body: { comment: 'looks right' } });
    return submitted.id;
  };
  const entry = (requestId: string, seq: number) =>
    db().getRepository(AuditEntry).findOneByOrFail({ requestId, seq });

  it('names the approval deleted with every later entry while the row still says approved', async () => {
    const id = await approved();
    await walk({ id, t, cast, submitter: cast.onRequest.requester, view: await view(id) }, 'start');
    expect(await verify()).toEqual({ ok: true, checked: expect.any(Number) });
    await db().query(`DELETE FROM audit_entries WHERE request_id = '${id}' AND seq >= 2`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: {
        requestId: id,
        kind: 'entry_missing',
        problem: expect.stringMatching(/deleted/),
      },
    });
  });

  it('names the deletion even when the row is rewound to the entry left', async () => {
    const id = await approved();
    const first = await entry(id, 1);
    await db().query(`DELETE FROM audit_entries WHERE request_id = '${id}' AND seq >= 2`);
    await db().query(
      `UPDATE requests SET state = '${first.toState}', version = 1, audit_seq = 1,
         audit_hash = '${first.hash}' WHERE id = '${id}'`,
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { organizationId: cast.onRequest.organizationId, kind: 'log_gap' },
    });
  });

  it('names a request whose every entry was deleted', async () => {
    const id = await approved();
    await db().query(`DELETE FROM audit_entries WHERE request_id = '${id}'`);
    expect(await verify()).toMatchObject({
      ok: false,
      checked: 0,
      firstBroken: { id, requestId: id, kind: 'history_deleted' },
    });
  });

  it('names a comment changed and re-hashed without the key: plain SHA-256, or a MAC under another key', async () => {
    const id = await approved();
    const approval = await entry(id, 2);
    const edited = { ...approval, comment: 'approved without looking' };
    const entries = db().getRepository(AuditEntry);
    const expected = {
      ok: false,
      firstBroken: { id: approval.id, requestId: id, seq: 2, kind: 'mac_mismatch' },
    };
    await entries.update({ id: approval.id }, { comment: edited.comment });
    expect(await verify()).toMatchObject(expected);
    await entries.update({ id: approval.id }, { hash: sha256(entryFields(edited)) });
    expect(await verify()).toMatchObject(expected);
    await entries.update({ id: approval.id }, { hash: hmac(WRONG_KEY, entryFields(edited)) });
    expect(await verify()).toMatchObject(expected);

    const rekeyed = { ...edited, keyId: auditKeyId(WRONG_KEY) };
    await entries.update(
      { id: approval.id },
      { keyId: rekeyed.keyId, hash: hmac(WRONG_KEY, entryFields(rekeyed)) },
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { id: approval.id, kind: 'unknown_key' },
    });
  });

  it('names a request row whose state was changed behind its history', async () => {
    const submitted = await submitRequest(cast.onRequest.requester, REPLICA.action, REPLICA.params);
    await db().query(`UPDATE requests SET state = 'approved' WHERE id = '${submitted.id}'`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBroken: { requestId: submitted.id, kind: 'state_mismatch' },
    });
  });

  it("names the gap a whole request leaves in its organization's log", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await approved());
    expect(await verify()).toMatchObject({ ok: true });
    const [, middle] = ids;
    for (const table of await tablesWithRequestId()) {
      await db().query(`DELETE FROM ${table} WHERE request_id = '${middle}'`);
    }
    await db().query(`DELETE FROM requests WHERE id = '${middle}'`);
    const verdict = await verify();
    expect(verdict).toMatchObject({
      ok: false,
      firstBroken: {
        organizationId: cast.onRequest.organizationId,
        requestId: ids[2],
        kind: 'log_gap',
        problem: expect.stringMatching(/deleted/),
      },
    });
    // Another customer's history is not this customer's problem.
    expect(await verify(cast.selfService.admin)).toMatchObject({ ok: true });
    expect((await verify(cast.provider.admin)).ok).toBe(false);
  });

  it('names an admin event edited and re-hashed without the key', async () => {
    const admin = cast.onRequest.admin;
    await api(t, admin)
      .patch(`/v1/organizations/${cast.onRequest.organizationId}`, { locale: 'fr' })
      .expect(200);
    const verifyEvents = async () =>
      (await api(t, admin).get('/v1/audit/admin-events/verify').expect(200)).body as Verdict;
    expect(await verifyEvents()).toMatchObject({ ok: true });
    const events = db().getRepository(AdminEvent);
    const last = (
      await events.find({
        where: { organizationId: cast.onRequest.organizationId },
        order: { seq: 'DESC' },
        take: 1,
      })
    )[0];
    const edited = { ...last, changes: '{"locale":{"from":"en","to":"de"}}' };
    await events.update(
      { id: last.id },
      { changes: edited.changes, hash: sha256(adminEventFields(edited)) },
    );
    expect(await verifyEvents()).toMatchObject({
      ok: false,
      firstBroken: { id: last.id, seq: last.seq, kind: 'mac_mismatch' },
    });
  });

  async function view(id: string): Promise<RequestView> {
    return (await api(t, cast.onRequest.requester).get(`/v1/requests/${id}`).expect(200))
      .body as RequestView;
  }

  /** The tables whose rows belong to a request (its history among them), deleted with it. */
  async function tablesWithRequestId(): Promise<string[]> {
    const rows: { name: string }[] =
      E2E_DRIVER === 'postgres'
        ? await db().query(
            `SELECT table_name AS name FROM information_schema.columns
             WHERE column_name = 'request_id' AND table_schema = current_schema()`,
          )
        : await db().query(
            `SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND p.name = 'request_id'`,
          );
    return rows.map((row) => row.name);
  }
});
