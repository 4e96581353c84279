import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';
import {
  createErrorHandler,
  type CustomValidator,
  type ErrorTransformer,
  getDefaultFormState,
  type RJSFSchema,
  type RJSFValidationError,
  toErrorSchema,
  type UiSchema,
  unwrapErrorHandler,
  type ValidationData,
  validationDataMerge,
  type ValidatorType,
} from '@rjsf/utils';

/** The JSON Schema keywords whose failures are said in words of their own. */
export type ProblemKeyword =
  | 'required'
  | 'type'
  | 'enum'
  | 'const'
  | 'format'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'notAllowed'
  | 'other';

/** The sentence of a failed keyword, given the keyword's value in the schema (a limit, a format…). */
export type ProblemWords = (keyword: ProblemKeyword, limit: string) => string;

/** Keywords that only carry the failures of their subschemas, reported where they occur. */
const CARRIERS = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  '$ref',
  '$recursiveRef',
  'if',
  'then',
  'else',
  'dependentSchemas',
]);

const NAMED = new Set<string>([
  'required',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
]);

/** A JSON pointer's segments (`#/a/b~1c` → `a`, `b/c`), as @cfworker/json-schema encodes them. */
export function pointerSegments(pointer: string): string[] {
  const path = pointer.replace(/^#/, '');
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** rjsf's property path of the segments: `.a.b`, array items as `.list.0`. */
function propertyOf(segments: string[]): string {
  return segments.map((segment) => `.${segment}`).join('');
}

function valueAt(root: unknown, segments: string[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A keyword's value as words: `8`, `email`, `sync, async`. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The problem one failure of @cfworker/json-schema describes, or none for a carrier. */
function problemOf(unit: OutputUnit, schema: RJSFSchema) {
  if (CARRIERS.has(unit.keyword)) return undefined;
  // Inside anyOf, oneOf and not, the branches' failures are summed up by the keyword itself.
  if (/\/(anyOf|oneOf|not)\//.test(unit.keywordLocation)) return undefined;
  const at = pointerSegments(unit.instanceLocation);
  if (unit.keyword === 'required') {
    const missing = /required property "(.*)"\.$/.exec(unit.error)?.[1];
    if (missing === undefined) return undefined;
    return { keyword: 'required' as const, path: [...at, missing], limit: missing };
  }
  const keyword: ProblemKeyword = NAMED.has(unit.keyword)
    ? (unit.keyword as ProblemKeyword)
    : unit.keyword === 'false'
      ? 'notAllowed'
      : 'other';
  const value = valueAt(schema, pointerSegments(unit.keywordLocation));
  return { keyword, path: at, limit: keyword === 'other' ? '' : shown(value) };
}

/**
 * rjsf's validator on @cfworker/json-schema, which interprets the schema instead of generating
 * code: the console's Content-Security-Policy allows no `eval` or `new Function`, which Ajv needs.
 * Each failure is said with `words`, under the field it concerns.
 */
export class SchemaValidator implements ValidatorType {
  constructor(private readonly words: ProblemWords) {}

  rawValidation<Result = OutputUnit>(
    schema: RJSFSchema,
    formData?: unknown,
  ): { errors?: Result[]; validationError?: Error } {
    try {
      const result = new Validator(schema as Schema, '2019-09', false).validate(formData);
      return { errors: result.valid ? undefined : (result.errors as Result[]) };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    const { $defs, definitions } = rootSchema;
    const { errors, validationError } = this.rawValidation(
      { ...schema, $defs: schema.$defs ?? $defs, definitions: schema.definitions ?? definitions },
      formData,
    );
    return !validationError && !errors;
  }

  /** The failures of `formData` as rjsf lists them, one per field and keyword. */
  errorsOf(schema: RJSFSchema, formData: unknown): RJSFValidationError[] {
    const { errors = [], validationError } = this.rawValidation(schema, formData);
    if (validationError)
      return [{ stack: validationError.message, message: validationError.message }];
    const seen = new Set<string>();
    return errors.flatMap((unit) => {
      const problem = problemOf(unit, schema);
      if (!problem) return [];
      const property = propertyOf(problem.path);
      const message = this.words(problem.keyword, problem.limit);
      if (seen.has(`${property} ${message}`)) return [];
      seen.add(`${property} ${message}`);
      return [{ name: problem.keyword, property, message, stack: `${property} ${message}`.trim() }];
    });
  }

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator,
    transformErrors?: ErrorTransformer,
    uiSchema?: UiSchema,
  ): ValidationData<unknown> {
    let errors = this.errorsOf(schema, formData);
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema(errors);
    if (!customValidate) return { errors, errorSchema };
    const data: unknown = getDefaultFormState(this, schema, formData, schema, true);
    const handler = customValidate(data, createErrorHandler(data), uiSchema, errorSchema);
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
  }
}
