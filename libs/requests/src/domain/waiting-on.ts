import { Party, RaciLetters } from '@app/catalog';
import { Role } from '@app/parties';
import { Request } from '../entities/request.entity';
import { partiesOf } from './raci-policy';
import { RequestVerb } from './request-state';
import { Wait, WHO_ACTS } from './who-acts.table';

/** Who must act next on a request, and why: one entry per party and verb. */
export interface WaitingOn {
  party: Party;
  /** The roles that may act for that party. */
  roles: Role[];
  verb: RequestVerb;
  reason: Wait;
  /** When the decision is due; null for work, which has no deadline. */
  dueAt: string | null;
}

type Waiting = Pick<
  Request,
  'state' | 'accountable' | 'consulted' | 'responsible' | 'performer' | 'submittedBy' | 'dueAt'
>;

/**
 * Who the request waits on, read from the table of who acts: the verbs it waits on in its state,
 * by each party whose standing allows them. A Consulted party that has answered is no longer awaited.
 */
export function waitingOn(
  request: Waiting,
  letters: RaciLetters,
  answered: readonly Party[],
): WaitingOn[] {
  const verbs = (Object.keys(WHO_ACTS) as RequestVerb[]).filter((verb) => {
    const rule = WHO_ACTS[verb];
    return rule.waits && rule.from.includes(request.state);
  });
  return verbs.flatMap((verb) => {
    const { waits, actors } = WHO_ACTS[verb];
    return actors.flatMap(({ standing, roles = [] }) => {
      const parties = partiesOf(standing, { ...request, letters });
      if (parties === 'any') return [];
      return parties
        .filter((party) => waits !== 'opinion' || !answered.includes(party))
        .map((party) => ({
          party,
          roles: [...roles],
          verb,
          reason: waits!,
          dueAt: waits !== 'work' && request.dueAt ? new Date(request.dueAt).toISOString() : null,
        }));
    });
  });
}
