import type {
  MediaTypeObject,
  OpenAPIObject,
  OperationObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { ERROR_CODES_EXTENSION, HTML_ERROR_CODES_EXTENSION } from './api-errors.decorator';
import { ERROR_CODES } from './error-codes';
import { DETAILS_BY_CODE, ERROR_SCHEMAS } from './error-schemas';

/** Routes of forms posted by people and mail clients: they read URL-encoded bodies too. */
const FORM_ROUTES = /^\/v1\/(email-actions|unsubscribe)\//;
/** What to do about a shared code, on the routes that read JSON and on the forms of email links. */
const JSON_HINTS: Record<string, string> = {
  UNSUPPORTED_MEDIA_TYPE:
    'The body is not JSON, or JSON in a charset other than UTF-8: send `Content-Type: application/json`.',
  TOO_MANY_AUTH_FAILURES: 'Try again after `Retry-After` seconds.',
  DATABASE_UNAVAILABLE: 'Nothing was stored: retry after `Retry-After` seconds.',
};
const FORM_HINTS: Record<string, string> = {
  ...JSON_HINTS,
  UNSUPPORTED_MEDIA_TYPE: 'The body’s encoding or charset cannot be read.',
};
/** Routes that answer without the database: the home page and the health check. */
const WITHOUT_DATABASE = new Set(['/', '/health']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_REF = '#/components/schemas/ErrorResponse';

/**
 * Every error response of the document: each route's own codes (`@ApiErrors`) and the ones every
 * route shares, one response per status whose body is an `ErrorResponse` with `code` limited to
 * that route's codes for that status. Shared codes: `UNAUTHENTICATED` and `TOO_MANY_AUTH_FAILURES`
 * on authenticated routes; `VALIDATION_FAILED` where a parameter or body is validated;
 * `MALFORMED_JSON`, `PAYLOAD_TOO_LARGE` and `UNSUPPORTED_MEDIA_TYPE` on POST, PUT and PATCH;
 * `INVALID_CURSOR` where a `cursor` is; `PRECONDITION_FAILED` where `If-Match` is taken, `IDEMPOTENCY_KEY_IN_FLIGHT` and
 * `IDEMPOTENCY_KEY_REUSED` where `Idempotency-Key` is; `DATABASE_UNAVAILABLE` on routes that read
 * the database; `NOT_ACCEPTABLE` and `INTERNAL_ERROR` everywhere.
 */
export function documentErrors(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, ...ERROR_SCHEMAS };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const record = operation as OperationObject & Record<string, unknown>;
      const own = (record[ERROR_CODES_EXTENSION] as string[] | undefined) ?? [];
      const html = (record[HTML_ERROR_CODES_EXTENSION] as string[] | undefined) ?? [];
      delete record[ERROR_CODES_EXTENSION];
      delete record[HTML_ERROR_CODES_EXTENSION];
      const hints = FORM_ROUTES.test(path) ? FORM_HINTS : JSON_HINTS;
      documentJsonErrors(operation, [...own, ...sharedCodes(path, method, operation)], hints);
      documentHtmlErrors(operation, html);
    }
  }
  return document;
}

/** `METHOD /path status` of each 4xx or 5xx response that names no code: to fix in its route. */
export function errorsWithoutCodes(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) =>
      Object.entries(item[method]?.responses ?? {})
        .filter(([status, response]) => Number(status) >= 400 && !namesCodes(response))
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
    ),
  );
}

function namesCodes(response: unknown): boolean {
  const content = (response as ResponseObject).content ?? {};
  if (content['text/html']) return true;
  const schema = content['application/json']?.schema as SchemaObject | undefined;
  const own = schema?.allOf?.[1] as SchemaObject | undefined;
  return Boolean((own?.properties?.code as SchemaObject | undefined)?.enum?.length);
}

function sharedCodes(path: string, method: string, operation: OperationObject): string[] {
  const codes: string[] = [];
  if (operation.security?.some((requirement) => Object.keys(requirement).length > 0)) {
    codes.push(
      'UNAUTHENTICATED',
      'TOO_MANY_AUTH_FAILURES',
      'UNKNOWN_SUBJECT',
      'IDENTITY_PROVIDER_UNAVAILABLE',
    );
    if (method !== 'get') codes.push('CSRF_TOKEN_INVALID');
  }
  const validated =
    operation.requestBody ||
    (operation.parameters ?? []).some((p) => 'in' in p && (p.in === 'query' || isUuid(p.schema)));
  if (validated) codes.push('VALIDATION_FAILED');
  if (takesParameter(operation, 'query', 'cursor')) codes.push('INVALID_CURSOR');
  if (['post', 'put', 'patch'].includes(method)) {
    codes.push('MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (takesParameter(operation, 'header', 'If-Match')) codes.push('PRECONDITION_FAILED');
  if (takesParameter(operation, 'header', 'Idempotency-Key')) {
    codes.push('IDEMPOTENCY_KEY_IN_FLIGHT', 'IDEMPOTENCY_KEY_REUSED');
  }
  if (!WITHOUT_DATABASE.has(path)) codes.push('DATABASE_UNAVAILABLE');
  codes.push('NOT_ACCEPTABLE', 'INTERNAL_ERROR');
  return codes;
}

function takesParameter(operation: OperationObject, where: string, name: string): boolean {
  return (operation.parameters ?? []).some(
    (p) => 'in' in p && p.in === where && p.name.toLowerCase() === name.toLowerCase(),
  );
}

function isUuid(schema: unknown): boolean {
  return (schema as SchemaObject | undefined)?.format === 'uuid';
}

function documentJsonErrors(
  operation: OperationObject,
  codes: string[],
  hints: Record<string, string>,
): void {
  for (const [status, list] of byStatus(codes)) {
    const existing = operation.responses[status] as ResponseObject | undefined;
    const html = existing?.content?.['text/html'];
    operation.responses[status] = {
      description: [existing?.description, describeCodes(list, hints)].filter(Boolean).join('\n\n'),
      ...(existing?.headers ? { headers: existing.headers } : {}),
      content: {
        ...(html ? { 'text/html': html } : {}),
        'application/json': jsonError(status, list),
      },
    };
  }
}

/** The codes grouped by the status each answers with. */
function byStatus(codes: string[]): Map<number, string[]> {
  const grouped = new Map<number, string[]>();
  for (const code of new Set(codes)) {
    const info = ERROR_CODES.get(code);
    if (!info) throw new Error(`OpenAPI: no module defines the error code ${code}`);
    grouped.set(info.status, [...(grouped.get(info.status) ?? []), code]);
  }
  return grouped;
}

function jsonError(status: number, codes: string[]): MediaTypeObject {
  const details = [...new Set(codes.map((code) => DETAILS_BY_CODE[code]))];
  // Narrows ErrorResponse (which closes the object): this part adds no field of its own.
  const own: SchemaObject = {
    type: 'object',
    additionalProperties: true,
    properties: {
      statusCode: { type: 'integer', enum: [status] },
      code: { type: 'string', enum: codes },
      ...(details.length === 1 && details[0]
        ? { details: { $ref: `#/components/schemas/${details[0]}` } }
        : {}),
    },
  };
  return {
    schema: { allOf: [{ $ref: ERROR_REF }, own] },
    example: {
      statusCode: status,
      code: codes[0],
      message: ERROR_CODES.get(codes[0])?.message,
      requestId: '0b8f2d4e-5c1a-4e6b-9f3d-7a2c1e8b4d60',
    },
  };
}

function documentHtmlErrors(operation: OperationObject, codes: string[]): void {
  for (const [status, list] of byStatus(codes)) {
    const existing = operation.responses[status] as ResponseObject | undefined;
    operation.responses[status] = {
      description: `${describeCodes(list)} (an HTML page saying so)`,
      content: {
        ...existing?.content,
        'text/html': { schema: { type: 'string' }, example: '<!doctype html>…' },
      },
    };
  }
}

function describeCodes(codes: string[], hints: Record<string, string> = {}): string {
  return codes
    .map((code) => {
      const hint = hints[code] ? ` ${hints[code]}` : '';
      return `- \`${code}\`: ${ERROR_CODES.get(code)?.message ?? ''}${hint}`;
    })
    .join('\n');
}
