/** A JSON schema as the OpenAPI document writes it: any keyword, any value. */
export type Schema = { [keyword: string]: unknown };

/** Where the strict copies of the document's components live, for `$ref`s to point at. */
export const COMPONENTS_ID = 'https://raci-engine.test/openapi/components.json';

/**
 * How a schema is used: `closed` schemas accept no property they do not list; `open` ones are
 * members of an `allOf`, whose holder closes the properties of all of its members at once.
 */
type Use = 'closed' | 'open';

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Subschemas that describe the value itself, as one of a list of alternatives. */
const ALTERNATIVES = ['anyOf', 'oneOf'] as const;

/** Subschemas that describe parts of the value (its properties or items). */
const PARTS = ['items', 'not', 'additionalProperties', 'contains', 'propertyNames'] as const;

/**
 * The schema as JSON Schema 2020-12 for Ajv, with the document's `$ref`s pointing at the strict
 * copies of its components, and every object schema that says nothing of other properties closed:
 * a property the document does not list makes the value invalid. `allOf` holders are closed with
 * `unevaluatedProperties`, which sees the properties of all their members, and their members left
 * open, so that a schema made of two others accepts the properties of both. OpenAPI 3.0's
 * `nullable: true` admits `null` whatever else the schema says (an `enum`, an `allOf` of a `$ref`),
 * as generated clients read it, and a boolean `exclusiveMinimum`/`exclusiveMaximum` becomes a
 * number.
 */
export function strictSchema(schema: Schema, use: Use = 'closed'): Schema {
  const { nullable, ...rest } = schema;
  if (nullable === true) {
    const composed = ['allOf', 'anyOf', 'oneOf', '$ref', 'enum'].some((k) => k in rest);
    if (typeof rest.type === 'string' && !composed) {
      return strictSchema({ ...rest, type: [rest.type, 'null'] }, use);
    }
    return { anyOf: [strictSchema(rest, use), { type: 'null' }] };
  }
  if (typeof schema.$ref === 'string') return { ...schema, $ref: componentRef(schema.$ref, use) };
  const out: Schema = { ...schema };
  exclusiveBound(out, 'exclusiveMinimum', 'minimum');
  exclusiveBound(out, 'exclusiveMaximum', 'maximum');
  if (Array.isArray(schema.allOf)) out.allOf = schema.allOf.map((m) => strict(m, 'open'));
  for (const keyword of ALTERNATIVES) {
    const members = schema[keyword];
    if (Array.isArray(members)) out[keyword] = members.map((m) => strict(m, 'closed'));
  }
  for (const keyword of PARTS) {
    if (isSchema(schema[keyword])) out[keyword] = strictSchema(schema[keyword]);
  }
  if (Array.isArray(schema.prefixItems)) out.prefixItems = schema.prefixItems.map((m) => strict(m));
  if (isSchema(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, s]) => [name, strict(s)]),
    );
  }
  const describesObject =
    schema.type === 'object' ||
    (Array.isArray(schema.type) && schema.type.includes('object')) ||
    isSchema(schema.properties) ||
    Array.isArray(schema.allOf);
  const saysOfOthers = 'additionalProperties' in schema || 'unevaluatedProperties' in schema;
  if (use === 'closed' && describesObject && !saysOfOthers) out.unevaluatedProperties = false;
  return out;
}

function strict(value: unknown, use: Use = 'closed'): unknown {
  return isSchema(value) ? strictSchema(value, use) : value;
}

/** `#/components/schemas/Name` as the strict copy of that component, closed or open. */
export function componentRef(ref: string, use: Use): string {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!match) throw new Error(`only $refs to #/components/schemas are supported, not ${ref}`);
  return `${COMPONENTS_ID}#/${use}/${match[1]}`;
}

/** OpenAPI 3.0's `exclusiveMinimum: true` beside `minimum` as JSON Schema's number form. */
function exclusiveBound(out: Schema, exclusive: string, bound: string): void {
  if (typeof out[exclusive] !== 'boolean') return;
  if (out[exclusive] === true) out[exclusive] = out[bound];
  else delete out[exclusive];
  if (out[exclusive] !== undefined) delete out[bound];
}

/**
 * The strict copies of the components, closed and open, as one schema Ajv can add: `$ref`s
 * between them and from the operations' schemas go through `componentRef`.
 */
export function strictComponents(schemas: Record<string, Schema>): Schema {
  const copies = (use: Use) =>
    Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, strictSchema(s, use)]));
  return { $id: COMPONENTS_ID, closed: copies('closed'), open: copies('open') };
}
