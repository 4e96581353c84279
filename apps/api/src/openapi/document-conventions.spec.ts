import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { acceptNull, applyDocumentConventions } from './document-conventions';
import { operationId } from './operation-ids';

describe('applyDocumentConventions', () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/requests/{id}': {
        get: {
          operationId: 'getRequest',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: '' } },
        },
      },
    },
  });

  it('marks a route without a token public, and gives path ids a uuid format and an example', () => {
    const operation = applyDocumentConventions(document()).paths['/v1/requests/{id}'].get!;
    expect(operation.security).toEqual([]);
    expect(operation.parameters?.[0]).toMatchObject({
      schema: { type: 'string', format: 'uuid' },
      example: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(operation.description).toEqual(expect.any(String));
    expect(operation.responses[200]).toEqual({ description: 'OK' });
  });

  it('lists null among the values of a nullable enum, and makes a nullable $ref anyOf it and null', () => {
    const schema: SchemaObject = {
      type: 'object',
      properties: {
        state: { type: 'string', enum: ['open'], nullable: true },
        subscription: {
          type: 'object',
          nullable: true,
          description: 'null for the provider',
          allOf: [{ $ref: '#/components/schemas/SubscriptionDto' }],
        },
      },
    };
    acceptNull(schema);
    expect(schema.properties?.state).toMatchObject({ enum: ['open', null] });
    expect(schema.properties?.subscription).toEqual({
      description: 'null for the provider',
      anyOf: [
        { $ref: '#/components/schemas/SubscriptionDto' },
        { type: 'object', nullable: true, enum: [null] },
      ],
    });
  });
});

describe('operationId', () => {
  it('names routes as a client calls them, and any other route uniquely', () => {
    expect(operationId('RequestsController', 'submit')).toBe('submitRequest');
    expect(operationId('RequestTransitionsController', 'approve')).toBe('approveRequest');
    expect(operationId('WidgetsController', 'list')).toBe('widgetsList');
  });
});
