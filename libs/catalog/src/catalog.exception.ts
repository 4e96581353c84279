import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum CatalogErrorCode {
  ActionNotFound = 'CATALOG_ACTION_NOT_FOUND',
}

const ERRORS: ErrorTable<CatalogErrorCode> = {
  [CatalogErrorCode.ActionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No catalog action has the key "{key}".{hint} GET /v1/catalog/actions lists them all.',
  },
};

export class CatalogException extends DomainException<CatalogErrorCode> {
  constructor(code: CatalogErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
