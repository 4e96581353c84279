import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum AuditErrorCode {
  InvalidCursor = 'INVALID_CURSOR',
  CheckpointKeyUnknown = 'CHECKPOINT_KEY_UNKNOWN',
  CheckpointSignatureInvalid = 'CHECKPOINT_SIGNATURE_INVALID',
}

/** Errors of reading the audit logs and checking their checkpoints. */
const ERRORS: ErrorTable<AuditErrorCode> = {
  [AuditErrorCode.InvalidCursor]: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The cursor is not one this API returned.',
  },
  [AuditErrorCode.CheckpointKeyUnknown]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'The checkpoint names a key this engine does not know (see GET /v1/audit/checkpoint-keys).',
  },
  [AuditErrorCode.CheckpointSignatureInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'The checkpoint is not one this engine signed: its signature does not match its fields.',
  },
};

export class AuditException extends DomainException<AuditErrorCode> {
  constructor(code: AuditErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
