import type { InboxItem } from '../api/api-client';
import { groupInbox, isOverdue } from './inbox-groups';

const item = (id: string, reason: string, dueAt: string | null, createdAt: string) =>
  ({ id, reason, dueAt, createdAt }) as InboxItem;

describe('groupInbox', () => {
  it('groups by why, approvals first, each oldest due first and undated last', () => {
    const groups = groupInbox([
      item('w1', 'work', null, '2026-01-02T00:00:00Z'),
      item('a1', 'approve', '2026-02-03T00:00:00Z', '2026-01-01T00:00:00Z'),
      item('a2', 'approve', '2026-02-01T00:00:00Z', '2026-01-03T00:00:00Z'),
      item('w0', 'work', null, '2026-01-01T00:00:00Z'),
      item('a3', 'approve', null, '2026-01-01T00:00:00Z'),
    ]);
    expect(groups.map(({ reason, items }) => [reason, items.map((i) => i.id)])).toEqual([
      ['approve', ['a2', 'a1', 'a3']],
      ['work', ['w0', 'w1']],
    ]);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('is overdue once the due date has passed, never without one', () => {
    expect(isOverdue('2026-03-01T11:59:59Z', now)).toBe(true);
    expect(isOverdue('2026-03-01T12:00:01Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});
