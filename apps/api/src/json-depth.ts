/** Deeper JSON than any input of the API needs; recursive code downstream overflows long before 2,000. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Thrown by body parsing's `verify` hook; body-parser keeps its status and type. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor() {
    super(`it is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * Refuses a JSON body nested deeper than MAX_JSON_DEPTH before it is parsed, by counting brackets
 * outside strings in one pass over the raw bytes (at most the body limit).
 */
export function assertJsonDepth(raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
    } else if (CLOSE.has(byte)) {
      depth -= 1;
    }
  }
}
