/** What an error may carry besides its code and message, for programs to read. */
export type ErrorDetails = Record<string, unknown>;

/** A code's HTTP status and its one message; each `{name}` in the message is read from the details. */
export interface ErrorDefinition {
  status: number;
  message: string;
  /** Response headers the code always comes with (a challenge), made from the details. */
  headers?: (details: ErrorDetails) => Record<string, string>;
}

/** Every code of a module, with its status and message: the one place a module's errors are worded. */
export type ErrorTable<Code extends string> = Readonly<Record<Code, ErrorDefinition>>;

/**
 * Base of every module's exception: a stable machine-readable code, the HTTP status and message its
 * module's table gives that code, and optional structured details. The global filter turns it into
 * JSON. A module declares `enum XErrorCode`, an `ErrorTable` and a subclass whose constructor takes a
 * code and its details, so every error is raised the same way: `throw new XException(Code.Y, {…})`.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  readonly status: number;
  /** Headers to answer with, from the code's definition. */
  readonly headers?: Record<string, string>;

  protected constructor(
    table: ErrorTable<Code>,
    readonly code: Code,
    readonly details?: ErrorDetails,
  ) {
    super(fillMessage(table[code].message, details));
    this.name = new.target.name;
    this.status = table[code].status;
    this.headers = table[code].headers?.(details ?? {});
  }
}

/** The message with each `{name}` replaced by that detail: lists joined, field problems as `field: message`. */
export function fillMessage(template: string, details: ErrorDetails = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => describe(details[name]));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return value.map(describe).join('; ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const { field, message } = (typeof value === 'object' ? value : {}) as Partial<FieldProblem>;
  return field && message ? `${field}: ${message}` : JSON.stringify(value);
}

/** One problem with one field of a request: the shape of every validation error's `details.fields`. */
export interface FieldProblem {
  /** Where: a body field (`subscription.plan`), or a parameter of the action (`params.instance`). */
  field: string;
  message: string;
}

/** The one JSON shape every error response has. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ErrorDetails;
  /** The request's `X-Request-Id`, to quote when reporting a problem. */
  requestId: string;
}
