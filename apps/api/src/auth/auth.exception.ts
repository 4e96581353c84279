import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum AuthErrorCode {
  TooManyAuthFailures = 'TOO_MANY_AUTH_FAILURES',
}

/** Errors of the HTTP authentication layer itself, before any principal exists. */
const ERRORS: ErrorTable<AuthErrorCode> = {
  [AuthErrorCode.TooManyAuthFailures]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message:
      'Too many failed authentications from this address; try again in {retryAfterSeconds} s.',
  },
};

export class AuthException extends DomainException<AuthErrorCode> {
  constructor(code: AuthErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
