/**
 * PostgreSQL SQLSTATEs that mean "the server is not there right now", not "your statement is
 * wrong": connection exceptions (08xxx), shutdown and restart (57P01-57P03), too many connections,
 * and a statement cancelled by `statement_timeout`.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '57014',
  '57P01',
  '57P02',
  '57P03',
]);

const UNAVAILABLE_SYSCALL_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** What node-postgres says when a connection dies, times out or cannot be had from the pool. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /query read timeout/i,
  /not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * TypeORM releases a transaction's query runner when its connection dies; the transaction's next
 * statement then fails with one of these errors (from the runner itself, or from a raw query run
 * through it) instead of the connection's own.
 */
const RELEASED_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/**
 * Whether an error means the database cannot be reached (so the caller should retry later, 503)
 * rather than a bug (500). TypeORM wraps driver errors, so the causes are looked through too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    if (RELEASED_RUNNER.has(String((current as { name?: unknown }).name))) return true;
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSCALL_CODES.has(code))
    )
      return true;
    if (
      typeof message === 'string' &&
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
    )
      return true;
    current = driverError ?? cause;
  }
  return false;
}
