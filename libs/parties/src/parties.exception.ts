import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

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
}

/**
 * Errors of organizations, users and tokens. Anything another tenant owns is reported as not found,
 * never as forbidden, so a customer cannot learn what exists outside its own organization.
 */
export class PartiesException extends DomainException<PartiesErrorCode> {
  /** The same answer for a missing, malformed, unknown or revoked token. */
  static unauthenticated(): PartiesException {
    return new PartiesException(
      PartiesErrorCode.Unauthenticated,
      HttpStatus.UNAUTHORIZED,
      'A valid bearer token is required: send "Authorization: Bearer <token>".',
    );
  }

  static adminRequired(): PartiesException {
    return new PartiesException(
      PartiesErrorCode.AdminRequired,
      HttpStatus.FORBIDDEN,
      'Only an admin of the organization, or a provider admin, may do this.',
    );
  }

  static organizationNotFound(id: string): PartiesException {
    return new PartiesException(
      PartiesErrorCode.OrganizationNotFound,
      HttpStatus.NOT_FOUND,
      `No organization has the id "${id}".`,
      { id },
    );
  }

  static organizationNameTaken(name: string): PartiesException {
    return new PartiesException(
      PartiesErrorCode.OrganizationNameTaken,
      HttpStatus.CONFLICT,
      `An organization is already named "${name}".`,
      { name },
    );
  }

  static organizationRequired(): PartiesException {
    return new PartiesException(
      PartiesErrorCode.OrganizationRequired,
      HttpStatus.BAD_REQUEST,
      'A provider user must name the customer organization (organizationId) this is for.',
    );
  }

  static notACustomer(id: string): PartiesException {
    return new PartiesException(
      PartiesErrorCode.NotACustomer,
      HttpStatus.BAD_REQUEST,
      `Organization "${id}" is the provider; name a customer organization.`,
      { id },
    );
  }

  static userNotFound(id: string): PartiesException {
    return new PartiesException(
      PartiesErrorCode.UserNotFound,
      HttpStatus.NOT_FOUND,
      `No user has the id "${id}".`,
      { id },
    );
  }

  static emailTaken(email: string): PartiesException {
    return new PartiesException(
      PartiesErrorCode.EmailTaken,
      HttpStatus.CONFLICT,
      `A user already has the email "${email}".`,
      { email },
    );
  }

  static tokenNotFound(id: string): PartiesException {
    return new PartiesException(
      PartiesErrorCode.TokenNotFound,
      HttpStatus.NOT_FOUND,
      `No token has the id "${id}".`,
      { id },
    );
  }
}
