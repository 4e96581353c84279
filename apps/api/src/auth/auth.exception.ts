import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

export enum AuthErrorCode {
  TooManyAuthFailures = 'TOO_MANY_AUTH_FAILURES',
}

/** Errors of the HTTP authentication layer itself, before any principal exists. */
export class AuthException extends DomainException<AuthErrorCode> {
  static tooManyFailures(retryAfterSeconds: number): AuthException {
    return new AuthException(
      AuthErrorCode.TooManyAuthFailures,
      HttpStatus.TOO_MANY_REQUESTS,
      `Too many failed authentications from this address; try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
}
