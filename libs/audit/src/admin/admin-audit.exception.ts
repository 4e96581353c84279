import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum AuditErrorCode {
  InvalidCursor = 'INVALID_CURSOR',
}

/** Errors of reading the audit logs. */
const ERRORS: ErrorTable<AuditErrorCode> = {
  [AuditErrorCode.InvalidCursor]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The cursor is not one this API returned.',
  },
};

export class AuditException extends DomainException<AuditErrorCode> {
  constructor(code: AuditErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
