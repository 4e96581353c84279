import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@app/core';

export enum CatalogErrorCode {
  ActionNotFound = 'CATALOG_ACTION_NOT_FOUND',
}

export class CatalogException extends DomainException<CatalogErrorCode> {
  static actionNotFound(key: string): CatalogException {
    return new CatalogException(
      CatalogErrorCode.ActionNotFound,
      HttpStatus.NOT_FOUND,
      `No catalog action has the key "${key}".`,
      {
        key,
      },
    );
  }
}
