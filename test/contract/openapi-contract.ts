import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Schema, strictComponents, strictSchema } from './strict-schema';

/** The parts of an OpenAPI 3 document the contract reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, ResponseObject> };
}

/** One answer of the API as a client saw it. */
export interface ObservedResponse {
  method: string;
  /** The path called, with or without its query string, or the whole URL. */
  url: string;
  status: number;
  /** The `Content-Type` header, when there is one. */
  contentType?: string;
  /** The body as received, `''` when there is none. */
  text: string;
}

/** Why an answer breaks the document, stable enough to group the same problem of many calls. */
export type ContractProblem =
  | 'path not documented'
  | 'method not documented'
  | 'status not documented'
  | 'content type not documented'
  | 'body missing'
  | 'body is not JSON'
  | 'body does not match the schema';

export interface ContractMismatch {
  /** `METHOD /template (operationId)`, or the path called when no template matches it. */
  operation: string;
  status: number;
  problem: ContractProblem;
  /** What differs: the statuses or types documented, or Ajv's errors (`/path: message`). */
  errors: string[];
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Segments that are not parameters: the more, the more specific (`/requests/preview`). */
  literals: number;
  operations: Record<string, { operationId?: string; responses?: Record<string, unknown> }>;
}

export interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
  $ref?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Checks answers against an OpenAPI 3.0 or 3.1 document: the operation (method and path template)
 * must exist, the status must be one it documents, the content type one that status documents, and
 * a JSON body must validate against its schema, where an object accepts no property the document
 * does not list (see `strictSchema`). Bodies that are not JSON (HTML, CSV, event streams) are checked
 * for their status and content type only.
 */
export class OpenApiContract {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(strictComponents(document.components?.schemas ?? {}));
    this.routes = Object.entries(document.paths)
      .map(([template, item]) => route(template, item))
      .sort((a, b) => b.literals - a.literals);
  }

  /** The mismatch of one answer with the document, or undefined when the document describes it. */
  check(res: ObservedResponse): ContractMismatch | undefined {
    const path = pathOf(res.url);
    const method = res.method.toLowerCase();
    const found = this.routes.find((r) => r.pattern.test(path));
    const fail = (operation: string, problem: ContractProblem, errors: string[] = []) => ({
      operation,
      status: res.status,
      problem,
      errors,
    });
    if (!found) return fail(`${res.method.toUpperCase()} ${path}`, 'path not documented');
    const operation = found.operations[method];
    const name = `${method.toUpperCase()} ${found.template}`;
    if (!operation)
      return fail(name, 'method not documented', [Object.keys(found.operations).join(', ')]);
    const label = operation.operationId ? `${name} (${operation.operationId})` : name;
    const responses = operation.responses ?? {};
    const documented = this.responseFor(responses, res.status);
    if (!documented) {
      return fail(label, 'status not documented', [
        `documented: ${Object.keys(responses).join(', ')}`,
      ]);
    }
    const content = documented.content ?? {};
    const mime = res.contentType?.split(';')[0].trim().toLowerCase();
    const empty = res.text === '' && (res.status === 204 || res.status === 304 || !mime);
    if (empty || method === 'head') {
      if (Object.keys(content).length > 0 && method !== 'head') {
        return fail(label, 'body missing', [`documented: ${Object.keys(content).join(', ')}`]);
      }
      return undefined;
    }
    const type = Object.keys(content).find((key) => mediaTypeMatches(key, mime ?? ''));
    if (type === undefined) {
      const listed = Object.keys(content).join(', ') || 'no body';
      return fail(label, 'content type not documented', [
        `got ${mime ?? 'none'}, documented: ${listed}`,
      ]);
    }
    const schema = content[type].schema;
    if (!schema || !isJson(mime ?? '')) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      return fail(label, 'body is not JSON', [res.text.slice(0, 200)]);
    }
    const validate = this.validator(`${label} ${res.status} ${type}`, schema);
    if (validate(body)) return undefined;
    const errors = new Set((validate.errors ?? []).map(describe));
    return fail(label, 'body does not match the schema', [...errors]);
  }

  private responseFor(
    responses: Record<string, unknown>,
    status: number,
  ): ResponseObject | undefined {
    const response =
      responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!isObject(response)) return undefined;
    const ref =
      typeof response.$ref === 'string'
        ? /^#\/components\/responses\/(.+)$/.exec(response.$ref)
        : null;
    if (ref) return this.document.components?.responses?.[ref[1]];
    return response;
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(strictSchema(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function route(template: string, item: Record<string, unknown>): Route {
  const segments = template.split('/').filter(Boolean);
  const pattern = segments
    .map((segment) => segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+'))
    .join('/');
  const operations = Object.fromEntries(
    Object.entries(item).filter(([method, op]) => METHODS.includes(method) && isObject(op)),
  ) as Route['operations'];
  return {
    template,
    pattern: new RegExp(`^/${pattern}$`),
    literals: segments.filter((segment) => !segment.includes('{')).length,
    operations,
  };
}

/** The path of a URL or of a path with a query, without a trailing slash (but `/`). */
function pathOf(url: string): string {
  const path = new URL(url, 'http://localhost').pathname;
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

function mediaTypeMatches(documented: string, actual: string): boolean {
  const [type, subtype] = documented.toLowerCase().split(';')[0].trim().split('/');
  const [actualType, actualSubtype] = actual.split('/');
  return (type === '*' || type === actualType) && (subtype === '*' || subtype === actualSubtype);
}

const isJson = (mime: string): boolean => mime === 'application/json' || mime.endsWith('+json');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One Ajv error as `/items/*\/dueAt: must be object`, item indexes as `*` so that calls group. */
function describe(error: ErrorObject): string {
  const at = error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '/';
  const params = error.params as Record<string, unknown>;
  const extra =
    params.unevaluatedProperty ??
    params.additionalProperty ??
    params.allowedValues ??
    params.format;
  return `${at}: ${error.message ?? error.keyword}${extra === undefined ? '' : ` (${JSON.stringify(extra)})`}`;
}
