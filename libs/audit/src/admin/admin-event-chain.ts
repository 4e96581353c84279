import { AdminEvent } from './admin-event.entity';

/** A field's value before and after a change; null where it did not exist. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}
export type Changes = Record<string, FieldChange>;

/** What stands in for a secret in the log. */
export const REDACTED = '[redacted]';
/** Fields whose values are never recorded: token values and hashes, webhook secrets, passwords. */
const SECRET_FIELD = /secret|hash|password|^token$/i;

/** The fields an admin event's MAC covers, in a fixed order: every recorded field, its link, its key. */
export function adminEventFields(event: Omit<AdminEvent, 'hash'>): unknown[] {
  return [
    event.id,
    event.organizationId,
    event.seq,
    event.actorId,
    event.actorOrganizationId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.changes,
    event.createdAt.toISOString(),
    event.prevHash,
    event.keyId,
  ];
}

/** The changes as recorded: secret fields redacted, a URL's query string (which may hold a key) too. */
export function redact(changes: Changes): Changes {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      field,
      SECRET_FIELD.test(field)
        ? { from: hidden(change.from), to: hidden(change.to) }
        : { from: withoutQuery(change.from), to: withoutQuery(change.to) },
    ]),
  );
}

/** Only the fields whose value differs, each with its old and new value. */
export function diff<T extends object>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, to] of Object.entries(after)) {
    const from: unknown = before[field as keyof T];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to))
      changes[field] = { from, to };
  }
  return changes;
}

/** A new thing's fields, each changed from nothing. */
export function created(fields: object): Changes {
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).map(([field, to]) => [
      field,
      { from: null, to },
    ]),
  );
}

/** A removed thing's fields, each changed to nothing. */
export function removed(fields: object): Changes {
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).map(([field, from]) => [
      field,
      { from, to: null },
    ]),
  );
}

const hidden = (value: unknown): unknown =>
  value === null || value === undefined ? null : REDACTED;

function withoutQuery(value: unknown): unknown {
  if (typeof value !== 'string' || !/^https?:\/\/[^?]*\?/.test(value)) return value;
  return `${value.slice(0, value.indexOf('?'))}?${REDACTED}`;
}
