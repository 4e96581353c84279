import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum AuthErrorCode {
  TooManyAuthFailures = 'TOO_MANY_AUTH_FAILURES',
  CsrfTokenInvalid = 'CSRF_TOKEN_INVALID',
  IdpUnavailable = 'IDENTITY_PROVIDER_UNAVAILABLE',
  SsoNotConfigured = 'SSO_NOT_CONFIGURED',
  ReturnToInvalid = 'RETURN_TO_INVALID',
  AcrNotAllowed = 'ACR_NOT_ALLOWED',
  SignInFailed = 'SIGN_IN_FAILED',
  CrossSiteSignIn = 'CROSS_SITE_SIGN_IN',
  CrossSiteAccountChoice = 'CROSS_SITE_ACCOUNT_CHOICE',
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
    message: 'The identity provider cannot be reached; try again shortly.',
  },
  [AuthErrorCode.SsoNotConfigured]: {
    status: HttpStatus.NOT_FOUND,
    message: 'Single sign-on is not set up on this engine (OIDC_ISSUER is not set).',
  },
  [AuthErrorCode.AcrNotAllowed]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'acr must be one of the step-up levels of OIDC_STEP_UP_ACR: {allowed}.',
  },
  [AuthErrorCode.SignInFailed]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The sign-in could not be completed ({reason}). Start again from the sign-in page.',
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
  [AuthErrorCode.CrossSiteAccountChoice]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'An organization is chosen from the page that offers it only, not from another site: sign in again.',
  },
};

export class AuthException extends DomainException<AuthErrorCode> {
  constructor(code: AuthErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
