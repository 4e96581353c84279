import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  SchemaObject,
} from '@nestjs/swagger';
import { OPERATION_DESCRIPTIONS } from './operation-descriptions';
import { BEARER_SCHEME, SESSION_SCHEME } from './security-schemes';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The tags of the document, in the order a reader meets them. */
export const TAGS = [
  { name: 'requests', description: 'Submit requests for catalog actions and move them along' },
  { name: 'catalog', description: 'The actions that can be requested and the published matrix' },
  { name: 'organizations', description: 'Customer organizations, their plans and quotas' },
  { name: 'users', description: 'Users, their tokens and their mail preferences' },
  {
    name: 'delegations',
    description: 'Stand-ins: a person’s decisions handed to another for a window',
  },
  { name: 'webhooks', description: 'Endpoints that receive the events of an organization' },
  { name: 'notifications', description: 'Mail deliveries, for provider admins' },
  { name: 'audit', description: 'The hash-chained histories and the admin audit log' },
  {
    name: 'sign-in',
    description: 'Signing in, for people in a browser: single sign-on and emailed links',
  },
  { name: 'email actions', description: 'The pages behind the links of emails (HTML)' },
  { name: 'operations', description: 'Home and health, without a token' },
];

/** An example for each kind of path parameter. */
const PARAMETER_EXAMPLES: Record<string, { schema: SchemaObject; example: string }> = {
  id: {
    schema: { type: 'string', format: 'uuid' },
    example: '3f0c9d2e-8f1a-4c55-9d7e-2b1e0c4a6f10',
  },
  key: { schema: { type: 'string' }, example: 'mariadb.add-read-only-replica' },
  token: { schema: { type: 'string' }, example: 'eyJyIjoiM2YwYzlkMmUifQ.Kq3v9Yb1' },
};

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
};

/**
 * What the decorators cannot say, for every operation alike: public routes say they need no token,
 * path parameters have a format and an example, every operation a description and every tag one
 * too, success responses a description, and a nullable enum or `$ref` accepts null.
 */
export function applyDocumentConventions(document: OpenAPIObject): OpenAPIObject {
  document.tags = TAGS;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) documentOperation(operation);
    }
  }
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    acceptNull(schema as SchemaObject);
  }
  return document;
}

function documentOperation(operation: OperationObject): void {
  if (!operation.security?.length) operation.security = [];
  // Wherever a bearer token works, a signed-in person's session cookie works too.
  const takes = (scheme: string) =>
    operation.security!.some((requirement) => scheme in requirement);
  if (takes(BEARER_SCHEME) && !takes(SESSION_SCHEME)) {
    operation.security.push({ [SESSION_SCHEME]: [] });
  }
  const description = OPERATION_DESCRIPTIONS[operation.operationId ?? ''];
  if (description && !operation.description) operation.description = description;
  for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
    const known = parameter.in === 'path' ? PARAMETER_EXAMPLES[parameter.name] : undefined;
    if (!known) continue;
    parameter.schema = { ...(parameter.schema as SchemaObject), ...known.schema };
    parameter.example = (parameter.example as string | undefined) ?? known.example;
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    const text = STATUS_TEXT[status];
    if (text && response && 'description' in response && !response.description) {
      response.description = text;
    }
  }
}

/** A nullable enum lists null among its values; a nullable `$ref` is `anyOf` it and null. */
export function acceptNull(schema: SchemaObject): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const child = property as SchemaObject;
    if (child.nullable && child.enum && !child.enum.includes(null)) child.enum.push(null);
    if (child.nullable && child.allOf?.length === 1 && '$ref' in child.allOf[0]) {
      const { allOf, description } = child;
      schema.properties![name] = {
        ...(description ? { description } : {}),
        anyOf: [allOf[0], { type: 'object', nullable: true, enum: [null] }],
      };
    }
    acceptNull(child);
    if (child.items) acceptNull(child.items as SchemaObject);
  }
}
