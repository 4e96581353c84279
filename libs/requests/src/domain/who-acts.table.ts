import { Role } from '@app/parties';
import { RequestsErrorCode as Code } from '../requests.exception';
import { RequestVerb as V } from './request-state';
import { RequestState as S } from '@app/core';

/**
 * Which of a request's parties an actor speaks for:
 * - `accountable`, `consulted`, `performer`: the party holding A, one holding C, the one that works;
 * - `submitter`: the person who submitted it, whatever their party;
 * - `lettered`: any party holding a letter of the action, or performing it;
 * - `anyone`: any party (a submission, whose parties the catalog resolves).
 */
export type Standing =
  'accountable' | 'consulted' | 'performer' | 'submitter' | 'lettered' | 'anyone';

/** One way to be allowed a verb: a standing, and the roles that give it (none listed: any role). */
export interface Actor {
  standing: Standing;
  roles?: readonly Role[];
}

/** Why a request waits on somebody, as the inbox groups it. */
export type Wait = 'approve' | 'opinion' | 'work';

export interface VerbRule {
  /** Any one of these allows the verb; none means only the engine does it. */
  actors: readonly Actor[];
  /** Four eyes: the submitter never does it, whatever else they are. */
  fourEyes: boolean;
  /**
   * A decision: it needs a credential the person obtained themselves (a session of their own
   * sign-in, a token they minted while signed in, the identity provider's token, their emailed
   * decision link). A token someone else minted, or ADMIN_TOKEN, is refused: nobody decides as
   * someone else.
   */
  personal?: true;
  /**
   * A decision of the Accountable party: with OIDC_STEP_UP_ACR set, it needs a multi-factor
   * sign-in, whichever way it comes (API, console or email link).
   */
  stepUp?: true;
  /**
   * A decision a delegation carries: during its window, a delegate may do it on behalf of their
   * delegator, with the delegator's roles among `DELEGABLE_ROLES`, never for a request either of
   * them submitted where `fourEyes` holds. What the delegate received is never passed on.
   */
  delegable?: true;
  /** The states the verb applies in; `null` is a request not yet submitted. */
  from: readonly (S | null)[];
  /** A request in one of `from` waits on these actors, for this reason. */
  waits?: Wait;
  /** The code of the 403 when nobody the caller speaks for may do it. */
  refusal: Code;
}

const APPROVER: Actor = { standing: 'accountable', roles: [Role.Approver] };
const OPERATOR: Actor = { standing: 'performer', roles: [Role.Operator] };
const BEFORE_WORK = [S.PendingConsultation, S.PendingApproval, S.Approved] as const;

/**
 * Who may do what to a request, and when: every verb, declared once. The policy checks, the inbox
 * queries and the audiences of the mail that asks people to act are all derived from this table.
 */
export const WHO_ACTS: Readonly<Record<V, VerbRule>> = {
  [V.Submit]: {
    actors: [{ standing: 'anyone', roles: [Role.Requester] }],
    fourEyes: false,
    from: [null],
    refusal: Code.RoleRequired,
  },
  [V.Opinion]: {
    actors: [{ standing: 'consulted', roles: [Role.Consultant, Role.Approver] }],
    personal: true,
    delegable: true,
    fourEyes: false,
    from: [S.PendingConsultation],
    waits: 'opinion',
    refusal: Code.NotConsulted,
  },
  [V.WaiveConsultation]: {
    actors: [APPROVER],
    personal: true,
    delegable: true,
    stepUp: true,
    fourEyes: false,
    from: [S.PendingConsultation],
    refusal: Code.NotAccountableApprover,
  },
  [V.Approve]: {
    actors: [APPROVER],
    personal: true,
    delegable: true,
    stepUp: true,
    fourEyes: true,
    from: [S.PendingApproval],
    waits: 'approve',
    refusal: Code.NotAccountableApprover,
  },
  [V.Reject]: {
    actors: [APPROVER],
    personal: true,
    delegable: true,
    stepUp: true,
    fourEyes: true,
    from: [S.PendingConsultation, S.PendingApproval],
    refusal: Code.NotAccountableApprover,
  },
  [V.Start]: {
    actors: [OPERATOR],
    fourEyes: false,
    from: [S.Approved],
    waits: 'work',
    refusal: Code.NotPerformingOperator,
  },
  [V.Complete]: {
    actors: [OPERATOR],
    fourEyes: false,
    from: [S.InProgress],
    waits: 'work',
    refusal: Code.NotPerformingOperator,
  },
  [V.Fail]: {
    actors: [OPERATOR],
    fourEyes: false,
    from: [S.InProgress],
    refusal: Code.NotPerformingOperator,
  },
  [V.Cancel]: {
    actors: [{ standing: 'submitter' }, APPROVER],
    fourEyes: false,
    from: BEFORE_WORK,
    refusal: Code.NotSubmitterOrAccountable,
  },
  [V.Comment]: {
    actors: [{ standing: 'lettered' }],
    fourEyes: false,
    from: Object.values(S),
    refusal: Code.NotAParty,
  },
  [V.Expire]: {
    actors: [],
    fourEyes: false,
    from: [S.PendingConsultation, S.PendingApproval],
    refusal: Code.NotAParty,
  },
};

/** The roles a delegation carries: those that allow a delegable verb, as the table declares them. */
export const DELEGABLE_ROLES: readonly Role[] = [
  ...new Set(
    Object.values(WHO_ACTS)
      .filter((rule) => rule.delegable)
      .flatMap((rule) => rule.actors.flatMap((actor) => actor.roles ?? [])),
  ),
];
