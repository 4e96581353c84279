import { AuditErrorCode, AuditException } from './admin-audit.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque cursor of the admin event pages: the last row's creation time and id. */
export const AdminEventCursor = {
  encode(createdAt: Date, id: string): string {
    return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
  },

  /** Throws 400 INVALID_CURSOR for anything the API did not return. */
  decode(cursor: string): { createdAt: Date; id: string } {
    try {
      const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
        string,
        string,
      ];
      const date = new Date(createdAt);
      if (Number.isNaN(date.getTime()) || !UUID.test(id)) throw new Error('bad cursor');
      return { createdAt: date, id };
    } catch {
      throw new AuditException(AuditErrorCode.InvalidCursor);
    }
  },
};
