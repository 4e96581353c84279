import type { InboxItem } from '../api/api-client';

/** Why something waits on the person, in the order the inbox shows them. */
export const REASONS = ['approve', 'opinion', 'work'] as const;
export type Reason = (typeof REASONS)[number];

export interface InboxGroup {
  reason: Reason;
  items: InboxItem[];
}

/** Oldest due first; what has no due date after, oldest submitted first. */
function byDue(a: InboxItem, b: InboxItem): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** The inbox grouped by why it waits (approve, give an opinion, do the work), oldest due first. */
export function groupInbox(items: readonly InboxItem[]): InboxGroup[] {
  return REASONS.map((reason) => ({
    reason,
    items: items.filter((item) => item.reason === reason).sort(byDue),
  })).filter((group) => group.items.length > 0);
}

/** Whether a due date has passed. */
export function isOverdue(dueAt: string | null, now = new Date()): boolean {
  return dueAt !== null && new Date(dueAt).getTime() < now.getTime();
}
