import { HttpStatus } from '@nestjs/common';
import { DomainException, ErrorDetails, ErrorTable } from '@app/core';

export enum CatalogErrorCode {
  ActionNotFound = 'CATALOG_ACTION_NOT_FOUND',
  VersionNotFound = 'CATALOG_VERSION_NOT_FOUND',
  DiffBaseInvalid = 'CATALOG_DIFF_BASE_INVALID',
  /** A proposed change fails the validation of `catalog:validate`: `details.problems` has each line. */
  ChangeInvalid = 'CATALOG_CHANGE_INVALID',
  /** Only a person of the provider proposes a change of the matrix. */
  ChangeProviderOnly = 'CATALOG_CHANGE_PROVIDER_ONLY',
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
  [CatalogErrorCode.ChangeInvalid]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    message:
      'The proposed matrix is invalid ({count} problem(s)); `details.problems` gives each one with its line. Nothing was stored.',
  },
  [CatalogErrorCode.ChangeProviderOnly]: {
    status: HttpStatus.FORBIDDEN,
    message:
      'Only a person of the provider with the requester role proposes a change of the matrix.',
  },
};

export class CatalogException extends DomainException<CatalogErrorCode> {
  constructor(code: CatalogErrorCode, details?: ErrorDetails) {
    super(ERRORS, code, details);
  }
}
