import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum CatalogErrorCode {
  ActionNotFound = 'CATALOG_ACTION_NOT_FOUND',
  VersionNotFound = 'CATALOG_VERSION_NOT_FOUND',
  DiffBaseInvalid = 'CATALOG_DIFF_BASE_INVALID',
}

const ERRORS: ErrorTable<CatalogErrorCode> = {
  [CatalogErrorCode.ActionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No catalog action has the key "{key}".{hint} GET /v1/catalog/actions lists them all.',
  },
  [CatalogErrorCode.VersionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    message: 'No catalog version {version}. GET /v1/catalog/versions lists them all.',
  },
  [CatalogErrorCode.DiffBaseInvalid]: {
    status: HttpStatus.BAD_REQUEST,
    message: '"from" must be the number of a stored catalog version; "{from}" is not.',
  },
};

export class CatalogException extends DomainException<CatalogErrorCode> {
  constructor(code: CatalogErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
