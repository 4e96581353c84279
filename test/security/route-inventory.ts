import { Server } from 'node:http';
import request from 'supertest';

/** One HTTP endpoint as the OpenAPI document describes it, with the names its input may use. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template with `{param}` placeholders, as in the document. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Top-level property names of the JSON body, when it has a schema. */
  bodyFields: string[];
}

interface OpenApiParameter {
  name: string;
  in: string;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every endpoint of the running app, read from its own OpenAPI document, so that an endpoint added
 * later is fuzzed without anyone remembering to list it.
 */
export async function endpointsOf(http: Server): Promise<Endpoint[]> {
  const document = (await request(http).get('/docs/openapi.json').expect(200))
    .body as OpenApiDocument;
  const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => {
      const operation = operations[method];
      const parameters = operation.parameters ?? [];
      return {
        method: method.toUpperCase() as Endpoint['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: bodyFieldsOf(operation, document),
      };
    }),
  );
  const known = new Set(documented.map((e) => `${e.method} ${e.path}`));
  return [...documented, ...UNDOCUMENTED.filter((e) => !known.has(`${e.method} ${e.path}`))];
}

/** Routes served outside Nest's controllers or left out of the document (Bull Board). */
const UNDOCUMENTED: Endpoint[] = ['/docs/openapi.json', '/admin/queues'].map((path) => ({
  method: 'GET',
  path,
  pathParams: [],
  queryParams: [],
  bodyFields: [],
}));

function bodyFieldsOf(operation: OpenApiOperation, document: OpenApiDocument): string[] {
  const ref = Object.values(operation.requestBody?.content ?? {})[0]?.schema?.$ref;
  const name = ref?.split('/').pop();
  return Object.keys((name && document.components?.schemas?.[name]?.properties) ?? {});
}
