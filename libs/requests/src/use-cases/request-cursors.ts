import { PageCursor } from '@app/core';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';

/** A delegator's id, as the inbox writes it into its query: a uuid, or nothing at all. */
export function uuidOnly(id: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a user id: ${id}`);
  return id;
}

/** Rows after the cursor in (created_at, id) order: a row-value comparison an index range answers. */
export const AFTER_CURSOR = '(r.created_at, r.id) < (:createdAt, :id)';

export function encodeCursor(createdAt: Date, id: string): string {
  return PageCursor.fromTimeId(createdAt, id);
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const position = PageCursor.toTimeId(cursor);
  if (!position) throw new RequestsException(Code.InvalidCursor);
  return position;
}

export function encodeSeqCursor(seq: number): string {
  return PageCursor.fromSeq(seq);
}

export function decodeSeqCursor(cursor: string): number {
  const seq = PageCursor.toSeq(cursor);
  if (seq === null) throw new RequestsException(Code.InvalidCursor);
  return seq;
}
