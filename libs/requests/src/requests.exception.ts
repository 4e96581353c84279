import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

export enum RequestsErrorCode {
  RequestNotFound = 'REQUEST_NOT_FOUND',
  ActionNotFound = 'ACTION_NOT_FOUND',
  ActionNotRequestable = 'ACTION_NOT_REQUESTABLE',
  PlanNotAllowed = 'ACTION_NOT_IN_PLAN',
  ParamsInvalid = 'REQUEST_PARAMS_INVALID',
  InvalidTransition = 'REQUEST_INVALID_TRANSITION',
  VersionConflict = 'REQUEST_VERSION_CONFLICT',
  QuotaExceeded = 'QUOTA_EXCEEDED',
  OpinionAlreadyGiven = 'OPINION_ALREADY_GIVEN',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  InvalidCursor = 'INVALID_CURSOR',
  InternalCommentNotAllowed = 'INTERNAL_COMMENT_NOT_ALLOWED',
  RoleRequired = 'ROLE_REQUIRED',
  /** RACI refusals: each says which rule of the matrix refused the call. */
  NotAccountableApprover = 'RACI_NOT_ACCOUNTABLE_APPROVER',
  FourEyes = 'RACI_FOUR_EYES',
  NotConsulted = 'RACI_NOT_CONSULTED',
  NotPerformingOperator = 'RACI_NOT_PERFORMING_OPERATOR',
  NotSubmitterOrAccountable = 'RACI_NOT_SUBMITTER_OR_ACCOUNTABLE',
  NotAParty = 'RACI_NOT_A_PARTY',
}

export class RequestsException extends DomainException<RequestsErrorCode> {
  static notFound(id: string): RequestsException {
    return new RequestsException(
      RequestsErrorCode.RequestNotFound,
      HttpStatus.NOT_FOUND,
      `No request ${id}.`,
    );
  }

  static invalidTransition(verb: string, state: string | null): RequestsException {
    return new RequestsException(
      RequestsErrorCode.InvalidTransition,
      HttpStatus.CONFLICT,
      `Cannot ${verb} a request that is ${state ?? 'not submitted'}.`,
      {
        verb,
        state,
      },
    );
  }

  static conflict(): RequestsException {
    return new RequestsException(
      RequestsErrorCode.VersionConflict,
      HttpStatus.CONFLICT,
      'The request changed while this call was made; read it again and retry.',
    );
  }

  static forbidden(code: RequestsErrorCode, message: string): RequestsException {
    return new RequestsException(code, HttpStatus.FORBIDDEN, message);
  }

  static invalid(
    code: RequestsErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): RequestsException {
    return new RequestsException(code, HttpStatus.BAD_REQUEST, message, details);
  }

  static conflictWith(
    code: RequestsErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): RequestsException {
    return new RequestsException(code, HttpStatus.CONFLICT, message, details);
  }

  static unprocessable(code: RequestsErrorCode, message: string): RequestsException {
    return new RequestsException(code, HttpStatus.UNPROCESSABLE_ENTITY, message);
  }
}
