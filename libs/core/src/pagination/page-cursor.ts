const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The largest `integer` column value, which a sequence cursor must not pass. */
const MAX_SEQ = 2 ** 31 - 1;

/** The last row of a page in (created_at, id) order. */
export interface TimeIdPosition {
  createdAt: Date;
  id: string;
}

/**
 * The opaque cursors of the API's pages, and their decoding. A decoder answers null for anything
 * the API could not have returned (another shape, an id that is no uuid, a time outside years 1 to
 * 9999, a sequence past the `integer` range), so that a forged cursor never reaches the database.
 */
export const PageCursor = {
  fromTimeId(createdAt: Date, id: string): string {
    return toText([createdAt.toISOString(), id]);
  },

  toTimeId(cursor: string): TimeIdPosition | null {
    const value = fromText(cursor);
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    const date = new Date(createdAt);
    const year = date.getUTCFullYear();
    if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) return null;
    if (date.toISOString() !== createdAt) return null;
    return { createdAt: date, id };
  },

  fromSeq(seq: number): string {
    return toText([seq]);
  },

  toSeq(cursor: string): number | null {
    const value = fromText(cursor);
    if (!Array.isArray(value) || value.length !== 1) return null;
    const [seq] = value as unknown[];
    return Number.isSafeInteger(seq) && (seq as number) >= 0 && (seq as number) <= MAX_SEQ
      ? (seq as number)
      : null;
  },
};

function toText(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function fromText(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
