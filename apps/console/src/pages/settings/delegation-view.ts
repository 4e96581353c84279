/** What the settings page shows of delegations, worked out without React. */

interface DelegationLike {
  startsAt: string;
  endsAt: string;
  endedAt: string | null;
}

export type DelegationStatus = 'scheduled' | 'active' | 'over';

/** Where a delegation stands at `now`: not begun, in its window, or over (ended early or not). */
export function delegationStatus(delegation: DelegationLike, now: Date): DelegationStatus {
  const at = now.getTime();
  if (delegation.endedAt || Date.parse(delegation.endsAt) <= at) return 'over';
  return Date.parse(delegation.startsAt) > at ? 'scheduled' : 'active';
}
