import { CatalogAction, Party, Plan } from '@app/catalog';
import type { Verb as MovingVerb } from '../factories/request.factory';
import { Actor } from '../factories/parties.factory';

/** Every call the access test makes on a request: submitting it, each verb that moves it, a comment. */
export type Verb = 'submit' | MovingVerb | 'comments';

export const ROLES = ['requester', 'approver', 'operator', 'consultant', 'admin'] as const;

/**
 * One user per party and role, none of them the submitter (so four eyes does not interfere); and,
 * per party, a requester standing in for its approver and one for its consultant: `delegated` are
 * the decision roles the delegation they hold carries.
 */
export interface Seat {
  party: Party;
  role: (typeof ROLES)[number] | 'stand-in for approver' | 'stand-in for consultant';
  actor: Actor;
  delegated?: string[];
}

export interface Subscription {
  plan: Plan;
  onDemand: boolean;
}

/**
 * What the matrix allows, written from the rules of docs/api.md and the catalog's letters alone, never
 * from the engine's policy code: the oracle the engine is held to.
 */
export function allowed(
  verb: Verb,
  seat: Seat,
  action: CatalogAction,
  subscription: Subscription,
): boolean {
  const letters = action.raci[seat.party];
  const accountable = letters.includes('A');
  const performer = performerOf(action, subscription);
  const roles = seat.actor.roles as string[];
  // A delegation carries decisions (approve, reject, waive, opinions), never cancelling or work.
  const deciding = [...roles, ...(seat.delegated ?? [])];
  switch (verb) {
    case 'submit':
      return roles.includes('requester');
    case 'approve':
    case 'reject':
    case 'waive-consultation':
      return accountable && deciding.includes('approver');
    case 'cancel':
      return accountable && roles.includes('approver');
    case 'opinions':
      return (
        letters.includes('C') && (deciding.includes('consultant') || deciding.includes('approver'))
      );
    case 'start':
    case 'complete':
    case 'fail':
      return performer === seat.party && roles.includes('operator');
    case 'comments':
      return letters.length > 0 || performer === seat.party;
  }
}

/** "By customers if they subscribed to On Demand (or self-service); for others, by the provider". */
export function performerOf(action: CatalogAction, { plan, onDemand }: Subscription): Party {
  const rule = action.performer;
  if (plan === Plan.SelfService && rule.selfService) return rule.selfService;
  if (onDemand && rule.onDemand) return rule.onDemand;
  return rule.default;
}

/** A mismatch between the engine and the matrix, described; undefined when they agree. */
export function judge(
  verb: Verb,
  seat: Seat,
  res: { status: number; body: { code?: string } },
  expected: boolean,
): string | undefined {
  const refused = res.status === 403;
  const namesRule = /^(RACI_|ROLE_REQUIRED)/.test(res.body.code ?? '');
  if (expected && !refused && res.status < 500) return undefined;
  if (!expected && refused && namesRule) return undefined;
  return `${verb} by ${seat.party} ${seat.role}: expected ${expected ? 'allowed' : '403'}, got ${res.status} ${res.body.code ?? ''}`;
}
