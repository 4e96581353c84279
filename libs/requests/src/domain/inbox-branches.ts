import { Party, PARTIES } from '@app/catalog';
import { RequestState } from '@app/core';
import { Principal } from '@app/parties';
import { HeldDelegation } from './delegated-policy';
import { RequestVerb } from './request-state';
import { Actor, Wait, WHO_ACTS } from './who-acts.table';

/** One kind of wait the inbox reads: its SQL condition on `r`, and the parameters only it uses. */
export interface InboxBranch {
  wait: Wait;
  where: string;
  params?: Record<string, unknown>;
  /** The delegator it waits on, for a branch the caller reads through a delegation they hold. */
  onBehalfOf?: string;
}

/** Each kind of wait, with the states it covers and who it waits on, read from the table. */
export const WAITS: readonly {
  wait: Wait;
  states: RequestState[];
  actor: Actor;
  fourEyes: boolean;
  delegable: boolean;
}[] = (['approve', 'opinion', 'work'] as const).map((wait) => {
  const rules = Object.values(RequestVerb)
    .map((verb) => WHO_ACTS[verb])
    .filter((rule) => rule.waits === wait);
  const [first] = rules;
  if (rules.some((rule) => rule.actors.length !== 1 || rule.actors[0] !== first.actors[0])) {
    throw new Error(`the verbs the inbox reads as "${wait}" must share one actor`);
  }
  return {
    wait,
    states: [...new Set(rules.flatMap((rule) => rule.from))] as RequestState[],
    actor: first.actors[0],
    fourEyes: first.fourEyes,
    delegable: rules.every((rule) => rule.delegable),
  };
});

/**
 * The inbox's branches for a caller: one per kind of wait their roles allow, each the condition
 * under which the table lets them act. Each is a newest-first range an index answers (see the
 * inbox indexes migration), so the conditions are spelled as those indexes state them.
 */
export function inboxBranches(
  principal: Pick<Principal, 'party' | 'roles'>,
  /** The parameter naming whose approval ends a wait: the caller's own, or a delegator's. */
  countedAs = 'userId',
): InboxBranch[] {
  return WAITS.filter(({ actor }) =>
    (actor.roles ?? []).some((role) => principal.roles.includes(role)),
  ).flatMap(({ wait, states, actor, fourEyes }) => {
    const state =
      states.length === 1
        ? `r.state = '${states[0]}'`
        : `r.state IN (${states.map((s) => `'${s}'`).join(', ')})`;
    const submitter = fourEyes ? ' AND r.submitted_by <> :userId' : '';
    switch (actor.standing) {
      case 'accountable':
        return [
          {
            wait,
            where: `${state} AND r.accountable = :party${submitter}${notApprovedBy(countedAs)}`,
          },
        ];
      case 'performer':
        return [{ wait, where: `${state} AND r.performer = :party${submitter}` }];
      case 'consulted':
        return consultationBranches(wait, state, principal.party);
      default:
        throw new Error(`the inbox cannot wait on "${actor.standing}"`);
    }
  });
}

/**
 * Not yet approved by the caller: once their approval counts towards a quorum, the request waits
 * on the others only. One lookup of the approvals' unique index (request, counted person) per row.
 */
const notApprovedBy = (countedAs: string) =>
  ' AND NOT EXISTS (SELECT 1 FROM request_approvals a WHERE a.request_id = r.id' +
  ` AND a.counted_person = :${countedAs} AND a.params_hash = r.params_hash)`;

/**
 * The branches a caller reads through the delegations they hold, for the delegable waits their own
 * roles do not give them: each the branch their delegator's roles would give, tagged with the
 * delegator. Four eyes holds for both: never what the caller or the delegator submitted. The
 * branches of one wait never overlap: a second delegator covers only what the first submitted (two
 * delegators cover everything else between them), so each request is read once.
 */
export function delegatedBranches(
  principal: Pick<Principal, 'party' | 'roles'>,
  held: readonly HeldDelegation[],
): InboxBranch[] {
  const own = new Set(inboxBranches(principal).map((branch) => branch.wait));
  return WAITS.filter(({ wait, delegable }) => delegable && !own.has(wait)).flatMap(
    ({ wait, actor, fourEyes }) => {
      const able = held.filter(({ roles }) => (actor.roles ?? []).some((r) => roles.includes(r)));
      return able.slice(0, fourEyes ? 2 : 1).flatMap(({ delegatorId, roles }, index) => {
        const first = `onBehalfOf_${wait}_0`;
        const extra = !fourEyes
          ? ''
          : index === 0
            ? ` AND r.submitted_by <> :${first}`
            : ` AND r.submitted_by = :${first}`;
        // A delegator and their delegate count as one: the delegator's approval ends the wait.
        return inboxBranches({ party: principal.party, roles }, `onBehalfOf_${wait}_${index}`)
          .filter((branch) => branch.wait === wait)
          .map((branch) => ({
            ...branch,
            where: branch.where + extra,
            params: { ...branch.params, [`onBehalfOf_${wait}_${index}`]: delegatorId },
            onBehalfOf: delegatorId,
          }));
      });
    },
  );
}

/**
 * Consultations waiting for the party's opinion. "The Consulted list holds the party" is no index
 * range, but the lists are few (arrangements of the parties), so there is one branch per list
 * that holds it, each an equality an index orders: none reads the requests that wait on other
 * parties only.
 */
function consultationBranches(wait: Wait, state: string, party: Party): InboxBranch[] {
  return consultedListsHolding(party).map((list, index) => ({
    wait,
    where:
      `${state} AND r.consulted = :consulted${index} AND NOT EXISTS ` +
      '(SELECT 1 FROM request_opinions o WHERE o.request_id = r.id AND o.party = :party)',
    params: { [`consulted${index}`]: JSON.stringify(list) },
  }));
}

/** Every list of distinct parties, in any order, that holds `party`. */
export function consultedListsHolding(party: Party): Party[][] {
  const arrangements = (rest: readonly Party[]): Party[][] =>
    rest.flatMap((first) => {
      const others = rest.filter((p) => p !== first);
      return [[first], ...arrangements(others).map((tail) => [first, ...tail])];
    });
  return arrangements(PARTIES).filter((list) => list.includes(party));
}
