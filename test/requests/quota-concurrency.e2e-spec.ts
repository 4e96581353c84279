import { DataSource, In, Not } from 'typeorm';
import { RequestState } from '@app/core';
import { Request } from '@app/requests';
import { Cast, createCast } from '../factories/cast.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

const ACTION = 'data-masking.pdm-masking-plan-creation-and-execution';
const PARALLEL = 50;

/**
 * A quota holds when submissions race: the count and the insert of one organization's quota are
 * serialized, so parallel submissions never take more than what is left.
 */
describe('quotas under concurrent submissions', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const submit = (organizationId: string, n: number) =>
    api(t, cast.provider.requester).post('/v1/requests', {
      action: ACTION,
      params: { database: `db-${n}` },
      organizationId,
    });

  const activeInDatabase = (organizationId: string) =>
    t.app.get(DataSource).manager.count(Request, {
      where: {
        organizationId,
        action: ACTION,
        state: Not(In([RequestState.Rejected, RequestState.Cancelled])),
      },
    });

  it(`answers exactly the quota 201 out of ${PARALLEL} parallel submissions, the rest QUOTA_EXCEEDED`, async () => {
    const { organizationId } = cast.selfService;
    await submit(organizationId, 0).expect(201);
    const quotas = await api(t, cast.provider.admin)
      .get(`/v1/organizations/${organizationId}/quota`)
      .expect(200);
    const usage = quotas.body.items.find((item: { action: string }) => item.action === ACTION);
    expect(usage).toMatchObject({ allowed: 10, used: 1 });

    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, n) => submit(organizationId, n + 1)),
    );

    // Every answer, by status and code: a failure shows what the others got, not only a count.
    expect(tally(answers)).toEqual({
      '201': usage.allowed - 1,
      '409 QUOTA_EXCEEDED': PARALLEL - (usage.allowed - 1),
    });
    for (const answer of answers.filter(({ status }) => status === 409)) {
      expect(answer.body).toMatchObject({ details: { allowed: 10 } });
    }
    expect(await activeInDatabase(organizationId)).toBe(usage.allowed);
  });

  it('holds a quota raised by a package just as well', async () => {
    const { organizationId } = cast.onRequest;
    await api(t, cast.provider.admin)
      .put(`/v1/organizations/${organizationId}/quota-packages`, {
        unit: 'anonymization-treatment',
        packages: 1,
      })
      .expect(200);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, n) => submit(organizationId, n)),
    );
    expect(tally(answers)).toEqual({ '201': 20, '409 QUOTA_EXCEEDED': PARALLEL - 20 });
    expect(await activeInDatabase(organizationId)).toBe(20);
  });
});

/** How many answers had each status (and code, for errors). */
function tally(answers: { status: number; body: { code?: string } }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, body } of answers) {
    const key = body.code ? `${status} ${body.code}` : String(status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
