import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum RequestsErrorCode {
  RequestNotFound = 'REQUEST_NOT_FOUND',
  ActionNotFound = 'ACTION_NOT_FOUND',
  ActionNotRequestable = 'ACTION_NOT_REQUESTABLE',
  /** A change of the matrix is proposed with POST /v1/catalog/changes, never submitted directly. */
  ActionProposedAsChange = 'ACTION_PROPOSED_AS_CHANGE',
  PlanNotAllowed = 'ACTION_NOT_IN_PLAN',
  ParamsInvalid = 'REQUEST_PARAMS_INVALID',
  InvalidTransition = 'REQUEST_INVALID_TRANSITION',
  VersionConflict = 'REQUEST_VERSION_CONFLICT',
  /** `If-Match` named another version than the request's current one. */
  PreconditionFailed = 'PRECONDITION_FAILED',
  QuotaExceeded = 'QUOTA_EXCEEDED',
  OpinionAlreadyGiven = 'OPINION_ALREADY_GIVEN',
  /** The person (or the delegator they act for) already approved the request: each counts once. */
  AlreadyApproved = 'ALREADY_APPROVED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** The first call with this Idempotency-Key has not answered yet. */
  IdempotencyKeyInFlight = 'IDEMPOTENCY_KEY_IN_FLIGHT',
  InvalidCursor = 'INVALID_CURSOR',
  InternalCommentNotAllowed = 'INTERNAL_COMMENT_NOT_ALLOWED',
  RoleRequired = 'ROLE_REQUIRED',
  /** The call records who made it, and the caller is no user (the bootstrap `ADMIN_TOKEN`). */
  UserRequired = 'USER_REQUIRED',
  /** Nobody could move the request: refused at submission, nothing stored. */
  NoEligibleApprover = 'NO_ELIGIBLE_APPROVER',
  NoEligibleConsultant = 'NO_ELIGIBLE_CONSULTANT',
  /** Approving while Consulted parties have not answered. */
  ConsultationPending = 'REQUEST_CONSULTATION_PENDING',
  /** RACI refusals: each says which rule of the matrix refused the call. */
  NotAccountableApprover = 'RACI_NOT_ACCOUNTABLE_APPROVER',
  FourEyes = 'RACI_FOUR_EYES',
  NotConsulted = 'RACI_NOT_CONSULTED',
  NotPerformingOperator = 'RACI_NOT_PERFORMING_OPERATOR',
  NotSubmitterOrAccountable = 'RACI_NOT_SUBMITTER_OR_ACCOUNTABLE',
  NotAParty = 'RACI_NOT_A_PARTY',
  /** A decision needs a multi-factor sign-in (RFC 9470). */
  StepUpRequired = 'STEP_UP_REQUIRED',
  /** A decision with a token someone else minted, or ADMIN_TOKEN. */
  CredentialNotPersonal = 'CREDENTIAL_NOT_PERSONAL',
  /** Decision links of emails. */
  LinkInvalid = 'LINK_INVALID',
  LinkExpired = 'LINK_EXPIRED',
  LinkUsed = 'LINK_USED',
  LinkNoLongerApplies = 'LINK_NO_LONGER_APPLIES',
  /** Delegations: refused when set, nothing stored. */
  DelegationToSelf = 'DELEGATION_TO_SELF',
  DelegateNotFound = 'DELEGATE_NOT_FOUND',
  DelegateInactive = 'DELEGATE_INACTIVE',
  DelegateNotAPerson = 'DELEGATE_NOT_A_PERSON',
  DelegatorNotFound = 'DELEGATOR_NOT_FOUND',
  DelegationWindowInvalid = 'DELEGATION_WINDOW_INVALID',
  DelegationInThePast = 'DELEGATION_IN_THE_PAST',
  NothingToDelegate = 'NOTHING_TO_DELEGATE',
  DelegationNotFound = 'DELEGATION_NOT_FOUND',
}

const ERRORS: ErrorTable<RequestsErrorCode> = {
  [RequestsErrorCode.RequestNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No request {id}.',
  },
  [RequestsErrorCode.ActionNotFound]: {
    status: HttpStatus.BAD_REQUEST,
    message:
      'No catalog action has the key "{action}".{hint} GET /v1/catalog/actions lists the actions you may request.',
  },
  [RequestsErrorCode.ActionNotRequestable]: {
    status: HttpStatus.BAD_REQUEST,
    message: '"{title}" is a standing responsibility, not something to request.',
  },
  [RequestsErrorCode.ActionProposedAsChange]: {
    status: HttpStatus.BAD_REQUEST,
    message:
      '"{title}" is proposed with POST /v1/catalog/changes, which checks the new matrix and stores the version the request would activate.',
  },
  [RequestsErrorCode.PlanNotAllowed]: {
    status: HttpStatus.BAD_REQUEST,
    message: '"{title}" cannot be requested under the {plan} plan.',
  },
  [RequestsErrorCode.ParamsInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'params do not match the schema of {action}: {fields}.',
  },
  [RequestsErrorCode.InvalidTransition]: {
    status: HttpStatus.CONFLICT,
    message: 'Cannot {verb} a request that is {state}.',
  },
  [RequestsErrorCode.VersionConflict]: {
    status: HttpStatus.CONFLICT,
    message: 'The request changed while this call was made; read it again and retry.',
  },
  [RequestsErrorCode.PreconditionFailed]: {
    status: HttpStatus.PRECONDITION_FAILED,
    message:
      'The request is at version {version}, not the one If-Match names; read it again (its ETag) and retry.',
  },
  [RequestsErrorCode.QuotaExceeded]: {
    status: HttpStatus.CONFLICT,
    message: 'The quota of {allowed} {unit}(s) for this subscription period is used up.',
  },
  [RequestsErrorCode.OpinionAlreadyGiven]: {
    status: HttpStatus.CONFLICT,
    message: 'Your party has already given its opinion on this request.',
  },
  [RequestsErrorCode.AlreadyApproved]: {
    status: HttpStatus.CONFLICT,
    message:
      'You have already approved this request, yourself or through a delegate; it waits for the other approvers its quorum needs.',
  },
  [RequestsErrorCode.IdempotencyKeyReused]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'This Idempotency-Key was already used for a different request.',
  },
  [RequestsErrorCode.IdempotencyKeyInFlight]: {
    status: HttpStatus.CONFLICT,
    message:
      'The first call with this Idempotency-Key is still running; retry once it has answered.',
  },
  [RequestsErrorCode.InvalidCursor]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The cursor is not one this API returned.',
  },
  [RequestsErrorCode.InternalCommentNotAllowed]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Only the provider may write internal comments.',
  },
  [RequestsErrorCode.RoleRequired]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only a requester may submit requests.',
  },
  [RequestsErrorCode.UserRequired]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'This call records its author, and ADMIN_TOKEN belongs to no user: call it with a user’s credential.',
  },
  [RequestsErrorCode.NoEligibleApprover]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'Nobody but the submitter could approve this request for the Accountable party ({party}){quorum}: ' +
      'add a user with the role {roles} to the organization "{organization}", then submit again.',
  },
  [RequestsErrorCode.NoEligibleConsultant]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'Nobody could give the opinion of the Consulted party ({party}) on this request: ' +
      'add a user with the role {roles} to the organization "{organization}", then submit again.',
  },
  [RequestsErrorCode.ConsultationPending]: {
    status: HttpStatus.CONFLICT,
    message:
      'Cannot approve yet: the opinion of {awaited} is still awaited. An approver of the ' +
      'Accountable party may waive it with a reason: POST /v1/requests/{id}/waive-consultation.',
  },
  [RequestsErrorCode.NotAccountableApprover]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only an approver of the Accountable party ({accountable}) may {verb}.',
  },
  [RequestsErrorCode.FourEyes]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Four eyes: the submitter of a request never decides on it.',
  },
  [RequestsErrorCode.NotConsulted]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only a consultant or approver of a Consulted party may give an opinion.',
  },
  [RequestsErrorCode.NotPerformingOperator]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only an operator of the performing party ({performer}) may {verb}.',
  },
  [RequestsErrorCode.NotSubmitterOrAccountable]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only the submitter or an approver of the Accountable party may cancel.',
  },
  [RequestsErrorCode.NotAParty]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only a party of the request (holding a letter, or performing it) may comment on it.',
  },
  [RequestsErrorCode.StepUpRequired]: {
    status: HttpStatus.UNAUTHORIZED,
    message:
      'This decision needs a multi-factor sign-in ({acrValues}): sign in at {signInUrl} and try again.',
    headers: ({ acrValues }) => ({
      'WWW-Authenticate':
        'Bearer error="insufficient_user_authentication", ' +
        'error_description="A multi-factor sign-in is required", ' +
        `acr_values="${([] as unknown[]).concat(acrValues).join(' ')}"`,
    }),
  },
  [RequestsErrorCode.CredentialNotPersonal]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'A decision needs a credential of your own: sign in, or use a token you minted while signed in. A token someone else minted, or ADMIN_TOKEN, may read, submit, comment and work, but not decide.',
  },
  [RequestsErrorCode.LinkInvalid]: {
    status: HttpStatus.NOT_FOUND,
    message: 'This link is not valid.',
  },
  [RequestsErrorCode.LinkExpired]: {
    status: HttpStatus.GONE,
    message: 'This link has expired; use the API or ask for a new one.',
  },
  [RequestsErrorCode.LinkUsed]: {
    status: HttpStatus.GONE,
    message: 'This link was already used.',
  },
  [RequestsErrorCode.LinkNoLongerApplies]: {
    status: HttpStatus.GONE,
    message: 'This link no longer applies: the request was decided or answered meanwhile.',
  },
  [RequestsErrorCode.DelegationToSelf]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'A delegation hands your decisions to someone else: the delegate cannot be the delegator.',
  },
  [RequestsErrorCode.DelegateNotFound]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'No user {delegateId} in the delegator’s organization: a delegate is a person of the same organization.',
  },
  [RequestsErrorCode.DelegateInactive]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'User {delegateId} is deactivated: a delegate is an active person.',
  },
  [RequestsErrorCode.DelegateNotAPerson]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'User {delegateId} is a service account: only a person may decide, on anyone’s behalf.',
  },
  [RequestsErrorCode.DelegatorNotFound]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'No active user {delegatorId} in your organization to delegate for.',
  },
  [RequestsErrorCode.DelegationWindowInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'endsAt ({endsAt}) must come after startsAt ({startsAt}).',
  },
  [RequestsErrorCode.DelegationInThePast]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message: 'The window ends at {endsAt}, which has passed: a delegation is for now or later.',
  },
  [RequestsErrorCode.NothingToDelegate]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'The delegator holds none of the roles a delegation carries ({roles}): there is nothing to delegate.',
  },
  [RequestsErrorCode.DelegationNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No delegation {id}.',
  },
};

export class RequestsException extends DomainException<RequestsErrorCode> {
  constructor(code: RequestsErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
