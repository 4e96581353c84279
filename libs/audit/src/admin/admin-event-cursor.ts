import { PageCursor } from '@app/core';
import { AuditErrorCode, AuditException } from './admin-audit.exception';

/** The opaque cursor of the admin event pages: the last row's creation time and id. */
export const AdminEventCursor = {
  encode(createdAt: Date, id: string): string {
    return PageCursor.fromTimeId(createdAt, id);
  },

  /** Throws 400 INVALID_CURSOR for anything the API did not return. */
  decode(cursor: string): { createdAt: Date; id: string } {
    const position = PageCursor.toTimeId(cursor);
    if (!position) throw new AuditException(AuditErrorCode.InvalidCursor);
    return position;
  },
};
