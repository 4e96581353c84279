import { Role } from '@app/parties';
import { Cast, createCast } from '../factories/cast.factory';
import { createCustomer, createUser } from '../factories/parties.factory';
import { api } from '../helpers/api.client';
import { createTestApp, TestApp } from '../helpers/create-app';

/** A preview says who would act on a request from the seed matrix, and stores nothing. */
describe('request preview', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  /** How many requests an actor sees listed. */
  const listedTo = async (actor: Cast['selfService']['requester']) =>
    (await api(t, actor).get('/v1/requests').expect(200)).body.items.length as number;

  it('previews who would be R, A, C, I and who performs, storing nothing', async () => {
    const { selfService: customer, onRequest } = cast;
    const before = await listedTo(customer.requester);
    const bucket = {
      action: 'object-storage.create-bucket',
      params: { bucketName: 'preview-only' },
    };
    const preview = await api(t, customer.approver)
      .post('/v1/requests/preview', bucket)
      .expect(200);
    expect(preview.body).toEqual({
      action: 'object-storage.create-bucket',
      title: 'Create Bucket',
      organizationId: customer.organizationId,
      responsible: 'customer',
      accountable: 'customer',
      consulted: [],
      informed: ['provider'],
      performer: 'customer',
      via: 'S3 API',
      initialState: 'approved',
      approvedBySubmission: true,
      warnings: [],
    });
    // Without "On Demand", the provider's Professional Services team performs what the customer decides.
    const store = { action: 'object-storage.create-object-store', params: { name: 'store-1' } };
    const performer = async (actor: typeof customer.requester) =>
      (await api(t, actor).post('/v1/requests/preview', store)).body.performer as
        string | undefined;
    expect(await performer(customer.requester)).toBe('customer');
    const withoutOnDemand = await createCustomer(t, { plan: 'self-service', onDemand: false });
    expect(await performer(await createUser(t, withoutOnDemand.id, [Role.Requester]))).toBe(
      'provider',
    );
    expect((await api(t, onRequest.requester).post('/v1/requests/preview', store)).body.code).toBe(
      'ACTION_NOT_IN_PLAN',
    );
    expect(await listedTo(customer.requester)).toBe(before);
  });
});
