import type { ErrorObject } from 'ajv';
import { closestNames, type FieldProblem } from '@app/core';

/**
 * Ajv's errors as field problems that name the offending property: an unknown property (with the
 * known names closest to it, "did you mean …"), a missing one, or the one whose value is wrong.
 */
export function paramsProblems(
  errors: readonly ErrorObject[],
  schema: Record<string, unknown> | undefined,
): FieldProblem[] {
  // "must match the then schema" only repeats the problems found inside it.
  const told = errors.length > 1 ? errors.filter((error) => error.keyword !== 'if') : errors;
  return told.map((error) => {
    const path = ['params', ...error.instancePath.split('/').filter(Boolean).map(unescape)];
    if (error.keyword === 'additionalProperties') {
      const name = String(error.params.additionalProperty);
      const known = Object.keys(propertiesAt(schema, error.schemaPath));
      const closest = closestNames(name, known);
      const hint = closest.length
        ? `did you mean ${closest.map((c) => `\`${c}\``).join(' or ')}?`
        : `the known properties are ${known.map((k) => `\`${k}\``).join(', ') || 'none'}`;
      return { field: [...path, name].join('.'), message: `is not a known property; ${hint}` };
    }
    if (error.keyword === 'required') {
      const name = String(error.params.missingProperty);
      return { field: [...path, name].join('.'), message: 'is required' };
    }
    return { field: path.join('.'), message: error.message ?? 'is invalid' };
  });
}

/** The `properties` of the schema object that holds the keyword at `schemaPath` (`#/a/b/keyword`). */
function propertiesAt(
  schema: Record<string, unknown> | undefined,
  schemaPath: string,
): Record<string, unknown> {
  const steps = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1).map(unescape);
  let node: unknown = schema;
  for (const step of steps) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
  }
  const properties = (node as { properties?: unknown } | undefined)?.properties;
  return properties && typeof properties === 'object'
    ? (properties as Record<string, unknown>)
    : {};
}

/** A JSON Pointer segment as written (`~1` is `/`, `~0` is `~`). */
function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
