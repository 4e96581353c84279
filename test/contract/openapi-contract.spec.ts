import { ObservedResponse, OpenApiContract, OpenApiDocument } from './openapi-contract';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const DOCUMENT: OpenApiDocument = {
  paths: {
    '/v1/things': {
      get: {
        operationId: 'listThings',
        responses: { 200: json({ type: 'array', items: ref('Thing') }) },
      },
      post: {
        operationId: 'createThing',
        responses: { 201: json(ref('Thing')), '4XX': json(ref('ErrorResponse')) },
      },
    },
    '/v1/things/{id}': {
      get: { operationId: 'getThing', responses: { 200: json(ref('SpecialThing')) } },
      delete: { operationId: 'deleteThing', responses: { 204: { description: 'Deleted' } } },
    },
    '/v1/things/export': {
      get: { operationId: 'exportThings', responses: { 200: { content: { 'text/csv': {} } } } },
    },
  },
  components: {
    schemas: {
      Person: {
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
      },
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          note: { type: 'string', nullable: true },
          owner: { type: 'object', allOf: [ref('Person')], nullable: true },
          size: { type: 'string', enum: ['s', 'm'], nullable: true },
          state: { type: 'string', enum: ['open', 'closed'] },
          params: { type: 'object', additionalProperties: true },
        },
        required: ['id', 'note', 'state'],
      },
      SpecialThing: {
        allOf: [ref('Thing'), { type: 'object', properties: { special: { type: 'boolean' } } }],
      },
      ErrorResponse: {
        type: 'object',
        properties: { statusCode: { type: 'number' }, code: { type: 'string', enum: ['BAD'] } },
        required: ['statusCode', 'code'],
      },
    },
  },
};

const ID = '0b8f7c4e-2f7c-4a53-9a43-0d9d4c1a7e11';
const THING = {
  id: ID,
  note: null,
  owner: { name: 'Ada' },
  size: null,
  state: 'open',
  params: { any: 1 },
};

function answer(
  method: string,
  url: string,
  status: number,
  body?: unknown,
  type = 'application/json',
): ObservedResponse {
  if (body === undefined) return { method, url, status, text: '' };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { method, url, status, contentType: `${type}; charset=utf-8`, text };
}

describe('OpenApiContract', () => {
  const contract = new OpenApiContract(DOCUMENT);

  it('accepts answers the document describes', () => {
    expect(
      contract.check(answer('GET', '/v1/things?limit=2', 200, [THING, { ...THING, owner: null }])),
    ).toBeUndefined();
    expect(
      contract.check(answer('POST', '/v1/things', 201, { ...THING, note: 'n' })),
    ).toBeUndefined();
    expect(
      contract.check(answer('POST', '/v1/things', 422, { statusCode: 422, code: 'BAD' })),
    ).toBeUndefined();
    expect(contract.check(answer('DELETE', `/v1/things/${ID}`, 204))).toBeUndefined();
    expect(
      contract.check(answer('GET', '/v1/things/export', 200, 'id\n1\n', 'text/csv')),
    ).toBeUndefined();
  });

  it('accepts the properties of every member of an allOf, and no other', () => {
    const url = `http://127.0.0.1:4000/v1/things/${ID}`;
    expect(contract.check(answer('GET', url, 200, { ...THING, special: true }))).toBeUndefined();
    expect(contract.check(answer('GET', url, 200, { ...THING, special: true, secret: 1 }))).toEqual(
      {
        operation: 'GET /v1/things/{id} (getThing)',
        status: 200,
        problem: 'body does not match the schema',
        errors: ['/: must NOT have unevaluated properties ("secret")'],
      },
    );
  });

  it('fails on a field the document does not list, also inside a nullable $ref', () => {
    const mismatch = contract.check(
      answer('GET', '/v1/things', 200, [THING, { ...THING, owner: { name: 'Bo', email: 'b@x' } }]),
    );
    expect(mismatch?.problem).toBe('body does not match the schema');
    expect(mismatch?.errors).toContain('/*/owner: must NOT have unevaluated properties ("email")');
  });

  it('fails on a wrong type, a value outside an enum and a malformed format', () => {
    const mismatch = contract.check(
      answer('POST', '/v1/things', 201, { ...THING, id: 'not-a-uuid', note: {}, state: 'lost' }),
    );
    expect(mismatch?.operation).toBe('POST /v1/things (createThing)');
    expect(mismatch?.errors).toEqual(
      expect.arrayContaining([
        '/id: must match format "uuid" ("uuid")',
        '/note: must be string,null',
        '/state: must be equal to one of the allowed values (["open","closed"])',
      ]),
    );
  });

  it('fails on a status, a content type or a path the document does not list', () => {
    expect(contract.check(answer('GET', '/v1/things', 404, { statusCode: 404 }))).toEqual({
      operation: 'GET /v1/things (listThings)',
      status: 404,
      problem: 'status not documented',
      errors: ['documented: 200'],
    });
    expect(
      contract.check(answer('GET', '/v1/things/export', 200, '<p>', 'text/html')),
    ).toMatchObject({
      problem: 'content type not documented',
      errors: ['got text/html, documented: text/csv'],
    });
    expect(contract.check(answer('DELETE', `/v1/things/${ID}`, 204, { gone: true }))).toMatchObject(
      {
        problem: 'content type not documented',
        errors: ['got application/json, documented: no body'],
      },
    );
    expect(contract.check(answer('GET', '/v1/nothing', 404, {}))?.problem).toBe(
      'path not documented',
    );
    expect(contract.check(answer('PUT', '/v1/things', 200, {}))?.problem).toBe(
      'method not documented',
    );
  });

  it('fails on a missing body and on a body that is not the JSON it claims', () => {
    expect(contract.check(answer('POST', '/v1/things', 201))?.problem).toBe('body missing');
    expect(contract.check(answer('POST', '/v1/things', 201, '{"id":'))?.problem).toBe(
      'body is not JSON',
    );
  });

  it('prefers a literal segment to a parameter', () => {
    expect(contract.check(answer('GET', '/v1/things/export', 200, [THING]))?.operation).toBe(
      'GET /v1/things/export (exportThings)',
    );
  });
});
