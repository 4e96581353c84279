import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/create-app';
import { api } from '../helpers/api.client';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';

const REPLICA = 'mariadb.add-read-only-replica';
const BUCKET = 'object-storage.create-bucket';
const HEADER =
  'id,action,title,product,organizationId,state,submittedById,submittedByEmail,submittedByName,dueAt,createdAt,updatedAt';

/** The records of a CSV answer, the header first (no cell here holds a comma or a line break). */
function records(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('GET /v1/requests/export: the list as CSV', () => {
  let t: TestApp;
  let cast: Cast;
  let before: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
    before = new Date(Date.now() - 1000).toISOString();
  });
  afterAll(() => t.close());

  const csv = (caller: Parameters<typeof api>[1], query: string) =>
    api(t, caller).get(`/v1/requests/export?${query}`).set('Accept', 'text/csv').expect(200);

  it('answers every request of the filters, newest first, as an RFC 4180 attachment', async () => {
    const { onRequest: customer } = cast;
    const first = await submitRequest(customer.requester, REPLICA, { instance: 'db-export-1' });
    const second = await submitRequest(customer.approver, REPLICA, { instance: 'db-export-2' });

    const res = await csv(customer.requester, `product=mariadb&createdAfter=${before}`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename=requests.csv');
    const [header, ...rows] = records(res.text);
    expect(header.join(',')).toBe(HEADER);
    expect(rows.map((row) => row[0])).toEqual([second.id, first.id]);
    expect(rows[0]).toEqual([
      second.id,
      REPLICA,
      'Add a MariaDB read-only Replica',
      'mariadb',
      customer.organizationId,
      'pending_approval',
      customer.approver.id,
      customer.approver.email,
      second.view.submittedBy.name,
      second.view.dueAt ?? '',
      second.view.createdAt,
      second.view.updatedAt,
    ]);

    const bySubmitter = records(
      (await csv(customer.requester, `submittedBy=${customer.approver.id}&createdAfter=${before}`))
        .text,
    );
    expect(bySubmitter.slice(1).map((row) => row[0])).toEqual([second.id]);
    const byState = records(
      (await csv(customer.requester, `state=completed&createdAfter=${before}`)).text,
    );
    expect(byState).toEqual([HEADER.split(',')]);
  });

  it("keeps to the caller's tenant, whatever organization the filter names", async () => {
    const { onRequest, selfService, provider } = cast;
    const theirs = await submitRequest(selfService.requester, BUCKET, { bucketName: 'export-b' });
    const mine = await submitRequest(onRequest.requester, REPLICA, { instance: 'db-export-3' });

    const own = records((await csv(onRequest.requester, `createdAfter=${before}`)).text);
    const ownIds = own.slice(1).map((row) => row[0]);
    expect(ownIds).toContain(mine.id);
    expect(ownIds).not.toContain(theirs.id);
    expect(new Set(own.slice(1).map((row) => row[4]))).toEqual(new Set([onRequest.organizationId]));
    const asked = records(
      (await csv(onRequest.requester, `organizationId=${selfService.organizationId}`)).text,
    );
    expect(asked.slice(1).map((row) => row[0])).not.toContain(theirs.id);

    const staff = records(
      (
        await csv(
          provider.admin,
          `organizationId=${selfService.organizationId}&createdAfter=${before}`,
        )
      ).text,
    );
    expect(staff.slice(1).map((row) => row[0])).toEqual([theirs.id]);
    const byProduct = records(
      (await csv(provider.admin, `product=object-storage&createdAfter=${before}`)).text,
    );
    expect(byProduct.slice(1).map((row) => row[0])).toEqual([theirs.id]);
    const byAction = records(
      (await csv(provider.admin, `action=${REPLICA}&createdAfter=${before}`)).text,
    );
    expect(byAction.slice(1).map((row) => row[0])).toContain(mine.id);
    expect(byAction.slice(1).map((row) => row[0])).not.toContain(theirs.id);
  });

  it('refuses a filter that is not valid with its code, before sending any CSV', async () => {
    const bad = await api(t, cast.onRequest.requester)
      .get('/v1/requests/export?state=nowhere')
      .set('Accept', 'text/csv')
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [expect.objectContaining({ field: 'state' })] },
    });
    const dated = await api(t, cast.onRequest.requester)
      .get('/v1/requests/export?createdAfter=yesterday')
      .set('Accept', 'text/csv')
      .expect(400);
    expect(dated.body.code).toBe('VALIDATION_FAILED');
    const paged = await api(t, cast.onRequest.requester)
      .get('/v1/requests/export?limit=5')
      .set('Accept', 'text/csv')
      .expect(400);
    expect(paged.body.code).toBe('VALIDATION_FAILED');
  });

  it('is for signed-in callers only', async () => {
    const res = await request(t.http)
      .get('/v1/requests/export')
      .set('Accept', 'text/csv')
      .expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
