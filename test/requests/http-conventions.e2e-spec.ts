import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-app';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api, ApiClient } from '../helpers/api.client';

const REPLICA = { action: 'mariadb.add-read-only-replica', params: { instance: 'db-http-01' } };

describe('HTTP conventions of the request routes', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const countRows = async (table: string, where = '1 = 1') =>
    Number(
      (await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n,
    );
  const submit = (instance: string) =>
    submitRequest(cast.onRequest.requester, REPLICA.action, { instance });

  /** Follows `Link: <…>; rel="next"` from `path` and returns every item, page by page. */
  const walkPages = async (client: ApiClient, path: string) => {
    const pages: unknown[][] = [];
    let next: string | undefined = path;
    while (next) {
      const res = await client.get(next).expect(200);
      pages.push(res.body.items as unknown[]);
      const link = res.headers.link as string | undefined;
      expect(Boolean(link)).toBe(res.body.nextCursor !== null);
      next = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : undefined;
    }
    return pages;
  };

  describe('201 and Location', () => {
    it('points a submission and a comment at what they created', async () => {
      const requester = api(t, cast.onRequest.requester);
      const res = await requester
        .post('/v1/requests', { ...REPLICA, params: { instance: 'db-loc-1' } })
        .expect(201);
      expect(res.headers.location).toBe(`/v1/requests/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect((await requester.get(res.headers.location).expect(200)).body.id).toBe(res.body.id);

      const comment = await requester
        .post(`/v1/requests/${res.body.id}/comments`, { body: 'Please hurry' })
        .expect(201);
      expect(comment.headers.location).toBe(`/v1/requests/${res.body.id}/comments`);
      const listed = await requester.get(comment.headers.location).expect(200);
      expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(comment.body.id);
    });

    it('points an organization, a user and a token at what they created', async () => {
      const admin = api(t, t.adminToken);
      const organization = await admin
        .post('/v1/organizations', {
          name: 'Location Corp',
          subscription: { plan: 'self-service', onDemand: false },
          contactEmails: ['ops@location.example'],
        })
        .expect(201);
      expect(organization.headers.location).toBe(`/v1/organizations/${organization.body.id}`);
      await admin.get(organization.headers.location).expect(200);

      const user = await admin
        .post(`/v1/organizations/${organization.body.id}/users`, {
          email: 'ada@location.example',
          name: 'Ada',
          roles: ['requester'],
        })
        .expect(201);
      expect(user.headers.location).toBe(`/v1/users/${user.body.id}`);

      const token = await admin.post(`/v1/users/${user.body.id}/tokens`).expect(201);
      expect(token.headers.location).toBe(`/v1/tokens/${token.body.id}`);
      await admin.delete(token.headers.location).expect(204);
    });
  });

  describe('ETag and If-Match', () => {
    it('tags a request with its version and refuses a change made on a stale one with 412', async () => {
      const { id } = await submit('db-etag-1');
      const requester = api(t, cast.onRequest.requester);
      const read = await requester.get(`/v1/requests/${id}`).expect(200);
      expect(read.headers.etag).toBe(`"${read.body.version}"`);

      const commented = await requester
        .post(`/v1/requests/${id}/comments`, { body: 'first' })
        .set('If-Match', read.headers.etag)
        .expect(201);
      expect(commented.body.requestId).toBe(id);

      const stale = await requester
        .post(`/v1/requests/${id}/cancel`, { reason: 'changed my mind' })
        .set('If-Match', read.headers.etag)
        .expect(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      const weak = await requester
        .post(`/v1/requests/${id}/cancel`, { reason: 'changed my mind' })
        .set('If-Match', `W/"${read.body.version + 1}"`)
        .expect(412);
      expect(weak.body.code).toBe('PRECONDITION_FAILED');
      const unchanged = await requester.get(`/v1/requests/${id}`).expect(200);
      expect(unchanged.body.state).toBe(read.body.state);
      expect(unchanged.headers.etag).toBe(`"${read.body.version + 1}"`);

      const cancelled = await requester
        .post(`/v1/requests/${id}/cancel`, { reason: 'changed my mind' })
        .set('If-Match', `"7", ${unchanged.headers.etag}`)
        .expect(200);
      expect(cancelled.body.state).toBe('cancelled');
      expect(cancelled.headers.etag).toBe(`"${unchanged.body.version + 1}"`);
    });

    it('behaves as before without If-Match, and sends no ETag of Express on errors', async () => {
      const { id } = await submit('db-etag-2');
      const requester = api(t, cast.onRequest.requester);
      await requester.post(`/v1/requests/${id}/cancel`, { reason: 'no longer needed' }).expect(200);
      const refused = await requester
        .post(`/v1/requests/${id}/cancel`, { reason: 'again' })
        .expect(409);
      expect(refused.headers.etag).toBeUndefined();
      const list = await requester.get('/v1/requests').expect(200);
      expect(list.headers.etag).toBeUndefined();
    });
  });

  describe('Idempotency-Key', () => {
    it('replays a transition with its first response, and refuses the key for another body', async () => {
      const { id } = await submit('db-idem-1');
      const requester = api(t, cast.onRequest.requester);
      const cancel = (body: object) =>
        requester.post(`/v1/requests/${id}/cancel`, body).set('Idempotency-Key', 'cancel-once');
      const first = await cancel({ reason: 'duplicate order' }).expect(200);
      expect(first.headers['idempotent-replayed']).toBeUndefined();

      const again = await cancel({ reason: 'duplicate order' }).expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(
        await countRows('audit_entries', `request_id = '${id}' AND event = 'request.cancelled'`),
      ).toBe(1);

      const reused = await cancel({ reason: 'another reason' }).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('scopes a key to its route and caller, and frees it when the call failed', async () => {
      const requester = api(t, cast.onRequest.requester);
      const a = await submit('db-idem-2');
      const b = await submit('db-idem-3');
      for (const { id } of [a, b]) {
        const res = await requester
          .post(`/v1/requests/${id}/comments`, { body: 'same words' })
          .set('Idempotency-Key', 'note-1')
          .expect(201);
        expect(res.headers['idempotent-replayed']).toBeUndefined();
      }
      await requester
        .post(`/v1/requests/${a.id}/comments`, { body: '' })
        .set('Idempotency-Key', 'note-2')
        .expect(400);
      const retried = await requester
        .post(`/v1/requests/${a.id}/comments`, { body: 'now with words' })
        .set('Idempotency-Key', 'note-2')
        .expect(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      const replayed = await requester
        .post(`/v1/requests/${a.id}/comments`, { body: 'now with words' })
        .set('Idempotency-Key', 'note-2')
        .expect(201);
      expect(replayed.headers.location).toBe(`/v1/requests/${a.id}/comments`);
      expect(replayed.body).toEqual(retried.body);
      expect(await countRows('request_comments', `request_id = '${a.id}'`)).toBe(2);
    });

    it('replays a creation of the bootstrap admin, who is no user, with its Location', async () => {
      const admin = api(t, t.adminToken);
      const create = () =>
        admin
          .post('/v1/organizations', {
            name: 'Replayed Corp',
            subscription: { plan: 'on-request', onDemand: false },
            contactEmails: [],
          })
          .set('Idempotency-Key', 'org-replayed');
      const before = await countRows('organizations');
      const first = await create().expect(201);
      const again = await create().expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(`/v1/organizations/${first.body.id}`);
      expect(again.body).toEqual(first.body);
      expect(await countRows('organizations')).toBe(before + 1);
    });

    it('runs two identical submissions in flight once', async () => {
      const requester = api(t, cast.onRequest.requester);
      const body = { ...REPLICA, params: { instance: 'db-idem-race' } };
      const before = await countRows('requests');
      const answers = await Promise.all(
        [1, 2, 3].map(() => requester.post('/v1/requests', body).set('Idempotency-Key', 'race-1')),
      );
      expect(await countRows('requests')).toBe(before + 1);
      const created = answers.filter((res) => res.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((res) => (res.body as { id: string }).id)).size).toBe(1);
      for (const res of answers.filter((answer) => answer.status !== 201)) {
        expect([res.status, res.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_FLIGHT']);
      }
      const later = await requester
        .post('/v1/requests', body)
        .set('Idempotency-Key', 'race-1')
        .expect(201);
      expect(later.headers['idempotent-replayed']).toBe('true');
      expect(later.headers.location).toBe(`/v1/requests/${created[0].body.id}`);
    });
  });

  describe('lists', () => {
    it('pages history and comments as {items, nextCursor}, with a Link to each next page', async () => {
      const { id } = await submit('db-pages-1');
      const requester = api(t, cast.onRequest.requester);
      for (const words of ['one', 'two', 'three']) {
        await requester.post(`/v1/requests/${id}/comments`, { body: words }).expect(201);
      }
      const comments = await walkPages(requester, `/v1/requests/${id}/comments?limit=2`);
      expect(comments.map((page) => page.length)).toEqual([2, 1]);
      expect(comments.flat().map((c) => (c as { body: string }).body)).toEqual([
        'one',
        'two',
        'three',
      ]);

      const history = await walkPages(requester, `/v1/requests/${id}/history?limit=1`);
      expect(history.flat().map((e) => (e as { seq: number }).seq)).toEqual([1, 2, 3, 4]);
      const whole = await requester.get(`/v1/requests/${id}/history`).expect(200);
      expect(whole.body.items).toEqual(history.flat());
      expect(whole.body.nextCursor).toBeNull();
      expect(whole.headers.link).toBeUndefined();
    });

    it('walks the organizations and the requests by Link, keeping the filters', async () => {
      const admin = api(t, t.adminToken);
      const organizations = await walkPages(admin, '/v1/organizations?limit=1');
      const all = (await admin.get('/v1/organizations?limit=200').expect(200)).body.items;
      expect(organizations.flat()).toEqual(all);
      expect(organizations.length).toBe(all.length);

      const requester = api(t, cast.onRequest.requester);
      const mine = await walkPages(requester, `/v1/requests?action=${REPLICA.action}&limit=2`);
      const listed = (await requester.get(`/v1/requests?action=${REPLICA.action}&limit=200`)).body
        .items;
      expect(mine.flat()).toEqual(listed);
    });

    it.each([
      '/v1/organizations',
      '/v1/webhooks',
      '/v1/requests',
      '/v1/inbox',
      '/v1/audit/admin-events',
      '/v1/notifications',
    ])('refuses a limit above 200 on %s', async (path) => {
      const res = await api(t, cast.provider.admin).get(`${path}?limit=201`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a limit above 200 on history, comments and users', async () => {
      const { id } = await submit('db-pages-2');
      const requester = api(t, cast.onRequest.requester);
      for (const tail of ['history', 'comments']) {
        await requester.get(`/v1/requests/${id}/${tail}?limit=201`).expect(400);
        await requester.get(`/v1/requests/${id}/${tail}?cursor=nonsense`).expect(400);
      }
      await api(t, cast.onRequest.admin)
        .get(`/v1/organizations/${cast.onRequest.organizationId}/users?limit=201`)
        .expect(400);
    });
  });
});
