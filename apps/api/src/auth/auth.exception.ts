import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum AuthErrorCode {
  TooManyAuthFailures = 'TOO_MANY_AUTH_FAILURES',
  CsrfTokenInvalid = 'CSRF_TOKEN_INVALID',
  IdpUnavailable = 'IDENTITY_PROVIDER_UNAVAILABLE',
  ReturnToInvalid = 'RETURN_TO_INVALID',
  CrossSiteSignIn = 'CROSS_SITE_SIGN_IN',
}

/** Errors of the HTTP authentication layer itself, before any principal exists. */
const ERRORS: ErrorTable<AuthErrorCode> = {
  [AuthErrorCode.TooManyAuthFailures]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message:
      'Too many failed authentications from this address; try again in {retryAfterSeconds} s.',
  },
  [AuthErrorCode.CsrfTokenInvalid]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'A change made with a session cookie needs the {header} header, equal to the csrfToken of GET /v1/me.',
  },
  [AuthErrorCode.IdpUnavailable]: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'The identity provider cannot be reached to check this token; try again shortly.',
  },
  [AuthErrorCode.ReturnToInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    message:
      'returnTo must be a path of this engine, starting with a single "/" (not "//" or "/\\"), at most 512 characters.',
  },
  [AuthErrorCode.CrossSiteSignIn]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'A sign-in link signs in from its own page only, not from another site: open the link from the mail again.',
  },
};

export class AuthException extends DomainException<AuthErrorCode> {
  constructor(code: AuthErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
