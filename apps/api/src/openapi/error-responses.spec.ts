import type { OpenAPIObject, OperationObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_CODES_EXTENSION, HTML_ERROR_CODES_EXTENSION } from './api-errors.decorator';
import { documentErrors, errorsWithoutCodes } from './error-responses';

function documentWith(path: string, method: string, operation: object): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { [path]: { [method]: { responses: { 200: { description: 'OK' } }, ...operation } } },
  };
}

function codesOf(operation: OperationObject, status: number): unknown {
  const content = (
    operation.responses[status] as { content: Record<string, { schema: SchemaObject }> }
  ).content['application/json'];
  const own = content.schema.allOf?.[1] as SchemaObject;
  return (own.properties?.code as SchemaObject).enum;
}

describe('documentErrors', () => {
  it("gives each status of a route's codes one ErrorResponse whose code is one of them", () => {
    const document = documentErrors(
      documentWith('/v1/requests/{id}/approve', 'post', {
        security: [{ bearer: [] }],
        parameters: [
          { name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } },
          { name: 'If-Match', in: 'header', schema: { type: 'string' } },
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: { content: {} },
        [ERROR_CODES_EXTENSION]: [
          'REQUEST_NOT_FOUND',
          'RACI_FOUR_EYES',
          'REQUEST_VERSION_CONFLICT',
        ],
      }),
    );
    const operation = document.paths['/v1/requests/{id}/approve'].post!;
    expect(Object.keys(operation.responses).sort()).toEqual(
      [
        '200',
        '400',
        '401',
        '403',
        '404',
        '406',
        '409',
        '412',
        '413',
        '415',
        '422',
        '429',
        '500',
        '503',
      ].sort(),
    );
    expect(codesOf(operation, 404)).toEqual(['REQUEST_NOT_FOUND']);
    expect(codesOf(operation, 409)).toEqual([
      'REQUEST_VERSION_CONFLICT',
      'IDEMPOTENCY_KEY_IN_FLIGHT',
    ]);
    expect(codesOf(operation, 412)).toEqual(['PRECONDITION_FAILED']);
    expect(codesOf(operation, 422)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(codesOf(operation, 400)).toEqual(['VALIDATION_FAILED', 'MALFORMED_JSON']);
    expect(codesOf(operation, 401)).toEqual(['UNAUTHENTICATED', 'UNKNOWN_SUBJECT']);
    expect(codesOf(operation, 403)).toContain('CSRF_TOKEN_INVALID');
    expect(codesOf(operation, 503)).toContain('IDENTITY_PROVIDER_UNAVAILABLE');
    expect(codesOf(operation, 429)).toEqual(['TOO_MANY_AUTH_FAILURES']);
    expect(operation).not.toHaveProperty(ERROR_CODES_EXTENSION);
    expect(document.components?.schemas?.ErrorResponse).toMatchObject({
      required: ['statusCode', 'code', 'message', 'requestId'],
    });
  });

  it('points the details of a status whose codes share one shape at that shape', () => {
    const document = documentErrors(
      documentWith('/v1/me', 'put', { security: [{ bearer: [] }], requestBody: { content: {} } }),
    );
    const operation = document.paths['/v1/me'].put!;
    const own = (operation.responses[429] as { content: Record<string, { schema: SchemaObject }> })
      .content['application/json'].schema.allOf?.[1] as SchemaObject;
    expect(own.properties?.details).toEqual({ $ref: '#/components/schemas/RetryDetails' });
  });

  it('adds neither authentication nor database errors to the public routes that use neither', () => {
    const document = documentErrors(documentWith('/health', 'get', {}));
    expect(Object.keys(document.paths['/health'].get!.responses).sort()).toEqual([
      '200',
      '406',
      '500',
    ]);
  });

  it('documents the codes a page route answers as HTML pages', () => {
    const document = documentErrors(
      documentWith('/v1/email-actions/{token}', 'get', {
        [HTML_ERROR_CODES_EXTENSION]: ['LINK_INVALID', 'LINK_USED', 'LINK_EXPIRED'],
      }),
    );
    const responses = document.paths['/v1/email-actions/{token}'].get!.responses;
    expect(Object.keys((responses[410] as { content: object }).content)).toEqual(['text/html']);
    expect(responses[410]).toMatchObject({ description: expect.stringContaining('LINK_EXPIRED') });
  });

  it('refuses a code no module defines', () => {
    expect(() =>
      documentErrors(documentWith('/x', 'get', { [ERROR_CODES_EXTENSION]: ['NO_SUCH_CODE'] })),
    ).toThrow('NO_SUCH_CODE');
  });

  it('lists the error responses a controller declared without naming their codes', () => {
    const document = documentErrors(
      documentWith('/x', 'get', { responses: { 409: { description: 'Conflict' } } }),
    );
    expect(errorsWithoutCodes(document)).toEqual(['GET /x 409']);
  });
});
