import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum PartiesErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  AdminRequired = 'ADMIN_REQUIRED',
  OrganizationNotFound = 'ORGANIZATION_NOT_FOUND',
  OrganizationNameTaken = 'ORGANIZATION_NAME_TAKEN',
  OrganizationRequired = 'ORGANIZATION_REQUIRED',
  NotACustomer = 'NOT_A_CUSTOMER',
  UserNotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  TokenNotFound = 'TOKEN_NOT_FOUND',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SignInLinkInvalid = 'SIGN_IN_LINK_INVALID',
  SignInLinkUsed = 'SIGN_IN_LINK_USED',
  SignInLinkExpired = 'SIGN_IN_LINK_EXPIRED',
  SignInLinkRevoked = 'SIGN_IN_LINK_REVOKED',
  UnknownSubject = 'UNKNOWN_SUBJECT',
  OidcSubjectTaken = 'OIDC_SUBJECT_TAKEN',
  NoUserForSignIn = 'NO_USER_FOR_SIGN_IN',
  UserDeactivated = 'USER_DEACTIVATED',
  ProviderAdminRequired = 'PROVIDER_ADMIN_REQUIRED',
  LastActiveAdmin = 'LAST_ACTIVE_ADMIN',
  OwnRolesEscalation = 'OWN_ROLES_ESCALATION',
  AccountChoiceMissing = 'ACCOUNT_CHOICE_MISSING',
  AccountChoiceUsed = 'ACCOUNT_CHOICE_USED',
  AccountChoiceExpired = 'ACCOUNT_CHOICE_EXPIRED',
  AccountNotOffered = 'ACCOUNT_NOT_OFFERED',
}

/**
 * Errors of organizations, users and tokens. Anything another tenant owns is reported as not found,
 * never as forbidden, so a customer cannot learn what exists outside its own organization.
 */
const ERRORS: ErrorTable<PartiesErrorCode> = {
  [PartiesErrorCode.Unauthenticated]: {
    status: HttpStatus.UNAUTHORIZED,
    message:
      'A valid credential is required: send "Authorization: Bearer <token>", or sign in for a session.',
  },
  [PartiesErrorCode.AdminRequired]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only an admin of the organization, or a provider admin, may do this.',
  },
  [PartiesErrorCode.OrganizationNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No organization has the id "{id}".',
  },
  [PartiesErrorCode.OrganizationNameTaken]: {
    status: HttpStatus.CONFLICT,
    message: 'An organization is already named "{name}".',
  },
  [PartiesErrorCode.OrganizationRequired]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'A provider user must name the customer organization (organizationId) this is for.',
  },
  [PartiesErrorCode.NotACustomer]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Organization "{id}" is the provider; name a customer organization.',
  },
  [PartiesErrorCode.UserNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No user has the id "{id}".',
  },
  [PartiesErrorCode.EmailTaken]: {
    status: HttpStatus.CONFLICT,
    message: 'A user of this organization already has the email "{email}".',
  },
  [PartiesErrorCode.TokenNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No token has the id "{id}".',
  },
  [PartiesErrorCode.SessionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'You have no session with the id "{id}".',
  },
  [PartiesErrorCode.SignInLinkInvalid]: {
    status: HttpStatus.NOT_FOUND,
    message: 'This sign-in link is not valid: it may have been altered or cut short.',
  },
  [PartiesErrorCode.SignInLinkUsed]: {
    status: HttpStatus.GONE,
    message: 'This sign-in link was already used; each link signs in once. Ask for a new one.',
  },
  [PartiesErrorCode.SignInLinkExpired]: {
    status: HttpStatus.GONE,
    message: 'This sign-in link has expired; links work for 15 minutes. Ask for a new one.',
  },
  [PartiesErrorCode.SignInLinkRevoked]: {
    status: HttpStatus.GONE,
    message: 'This sign-in link no longer works: the account it was sent for cannot sign in.',
  },
  [PartiesErrorCode.UnknownSubject]: {
    status: HttpStatus.UNAUTHORIZED,
    message:
      'The identity provider vouches for this token, but no user here has its subject: an admin sets `oidcSubject` on the user it stands for.',
  },
  [PartiesErrorCode.OidcSubjectTaken]: {
    status: HttpStatus.CONFLICT,
    message: 'Another user already has the identity provider subject "{oidcSubject}".',
  },
  [PartiesErrorCode.NoUserForSignIn]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'The identity provider signed you in, but no user here is linked to that account or has its verified email address: ask an admin of your organization to add you.',
  },
  [PartiesErrorCode.UserDeactivated]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Your user here has been deactivated: ask an admin of your organization.',
  },
  [PartiesErrorCode.ProviderAdminRequired]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only a provider admin may change {what}.',
  },
  [PartiesErrorCode.LastActiveAdmin]: {
    status: HttpStatus.CONFLICT,
    message:
      'User "{id}" is the last active admin of its organization: make another user admin first.',
  },
  [PartiesErrorCode.OwnRolesEscalation]: {
    status: HttpStatus.FORBIDDEN,
    message: 'Nobody may give themselves a role they do not hold ({roles}).',
  },
  [PartiesErrorCode.AccountChoiceMissing]: {
    status: HttpStatus.BAD_REQUEST,
    message:
      'No sign-in is waiting here for a choice of account: it may have begun in another browser. Sign in again.',
  },
  [PartiesErrorCode.AccountChoiceUsed]: {
    status: HttpStatus.GONE,
    message:
      'An account was already chosen for this sign-in; each sign-in chooses once. Sign in again.',
  },
  [PartiesErrorCode.AccountChoiceExpired]: {
    status: HttpStatus.GONE,
    message: 'This sign-in waited too long for a choice of account (10 minutes). Sign in again.',
  },
  [PartiesErrorCode.AccountNotOffered]: {
    status: HttpStatus.FORBIDDEN,
    message: 'That account is not one this sign-in offered: choose one of the page.',
  },
};

export class PartiesException extends DomainException<PartiesErrorCode> {
  constructor(code: PartiesErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
