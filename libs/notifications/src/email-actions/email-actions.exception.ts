import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

export enum EmailActionsErrorCode {
  LinkInvalid = 'LINK_INVALID',
  LinkExpired = 'LINK_EXPIRED',
  LinkUsed = 'LINK_USED',
}

export class EmailActionsException extends DomainException<EmailActionsErrorCode> {
  static invalid(): EmailActionsException {
    return new EmailActionsException(
      EmailActionsErrorCode.LinkInvalid,
      HttpStatus.NOT_FOUND,
      'This link is not valid.',
    );
  }

  static expired(): EmailActionsException {
    return new EmailActionsException(
      EmailActionsErrorCode.LinkExpired,
      HttpStatus.GONE,
      'This link has expired; use the API or ask for a new one.',
    );
  }

  static used(): EmailActionsException {
    return new EmailActionsException(
      EmailActionsErrorCode.LinkUsed,
      HttpStatus.GONE,
      'This link was already used.',
    );
  }
}
