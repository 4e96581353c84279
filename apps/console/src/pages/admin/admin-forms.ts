import type { Schemas } from '../../api/api-client';

export type Role = Schemas['UserResponse']['roles'][number];
export type UserKind = Schemas['UserResponse']['kind'];

/** Every role, in the order the forms show them. */
export const ROLES: readonly Role[] = ['requester', 'approver', 'operator', 'consultant', 'admin'];

/** Email addresses typed one per line (or separated by commas or spaces), each once. */
export function parseEmails(text: string): string[] {
  const addresses = text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
  return [...new Set(addresses)];
}

/** Whether two lists hold the same items, in any order. */
export function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** A value of an audit change, short and readable: lists joined, objects as JSON, none as "—". */
export function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(shownValue).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The changes of an admin event as `field: from → to` lines, fields in alphabetical order. */
export function changeLines(changes: Record<string, { from?: unknown; to?: unknown }>): string[] {
  return Object.keys(changes)
    .sort()
    .map((field) => {
      const { from, to } = changes[field];
      return 'from' in changes[field]
        ? `${field}: ${shownValue(from)} → ${shownValue(to)}`
        : `${field}: ${shownValue(to)}`;
    });
}

/**
 * Cursor pages walked forwards and back: the cursors of the pages before the current one (the first
 * page has none), so "Previous" goes back without the engine knowing.
 */
export interface CursorTrail {
  before: (string | undefined)[];
  current: string | undefined;
}

export const FIRST_PAGE: CursorTrail = { before: [], current: undefined };

export function nextPage(trail: CursorTrail, cursor: string): CursorTrail {
  return { before: [...trail.before, trail.current], current: cursor };
}

export function previousPage(trail: CursorTrail): CursorTrail {
  if (trail.before.length === 0) return trail;
  return { before: trail.before.slice(0, -1), current: trail.before.at(-1) };
}
