import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;

/** Strings most params of the matrix accept: names, hosts, addresses, dates, paths, operations. */
const STRINGS = [
  'db-1',
  'ab1',
  'x',
  '10.0.0.1',
  '2026-12-01T10:00:00Z',
  '2026-12-01',
  'a/b',
  'user@example.com',
  'example.com',
  '1',
];

/**
 * A valid `params` object for an action, made from its JSON Schema: every declared property gets the
 * first sample value its own schema accepts, so that requests can be submitted for every action of
 * the catalog without a hand-written example each.
 */
export class ParamsSampler {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly compiled = new Map<Schema, ValidateFunction>();

  sample(schema: Schema | undefined): Record<string, unknown> {
    if (!schema) return {};
    const full = this.objectOf(schema);
    const required = new Set((schema.required ?? []) as string[]);
    const minimal = Object.fromEntries(Object.entries(full).filter(([k]) => required.has(k)));
    if (this.check(schema, minimal) === null) return minimal;
    // Conditional schemas may need more than the required properties, or forbid some: drop the
    // optional ones, one at a time, until the whole is valid.
    const params = { ...full };
    for (const name of Object.keys(full).filter((k) => !required.has(k))) {
      if (this.check(schema, params) === null) break;
      const without = { ...params };
      delete without[name];
      if (this.errorCount(schema, without) < this.errorCount(schema, params)) delete params[name];
    }
    return params;
  }

  /** Whether `params` satisfies `schema`, and what is wrong when it does not. */
  check(schema: Schema | undefined, params: unknown): string | null {
    if (!schema) return null;
    const validate = this.validator(schema);
    return validate(params) ? null : this.ajv.errorsText(validate.errors);
  }

  private valueOf(schema: Schema): unknown {
    if (Array.isArray(schema.enum)) return schema.enum[0];
    const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    switch (schema.type) {
      case 'object':
        return this.objectOf(schema);
      case 'array':
        return this.arrayOf(schema);
      case 'integer':
      case 'number':
        return this.firstAccepted(schema, [schema.minimum ?? 1, 1, 10, 100]);
      case 'boolean':
        return true;
      case 'string':
        return this.firstAccepted(schema, STRINGS);
      default:
        return branches ? this.valueOf(branches[0]) : this.firstAccepted(schema, STRINGS);
    }
  }

  private objectOf(schema: Schema): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const value = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, this.valueOf(property)]),
    );
    // A free-form map (`parameters: {…}`) that must not be empty gets one entry.
    if (Number(schema.minProperties ?? 0) > Object.keys(value).length) {
      const extra = schema.additionalProperties;
      value.key1 = typeof extra === 'object' ? this.valueOf(extra as Schema) : 'x';
    }
    return value;
  }

  private errorCount(schema: Schema, value: unknown): number {
    const validate = this.validator(schema);
    return validate(value) ? 0 : (validate.errors?.length ?? 1);
  }

  private arrayOf(schema: Schema): unknown[] {
    const count = Math.max(Number(schema.minItems ?? 1), 1);
    const item = schema.items ? this.valueOf(schema.items as Schema) : 'x';
    return Array.from({ length: count }, () => item);
  }

  private firstAccepted(schema: Schema, candidates: unknown[]): unknown {
    const validate = this.validator(schema);
    return candidates.find((candidate) => validate(candidate)) ?? candidates[0];
  }

  private validator(schema: Schema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}
