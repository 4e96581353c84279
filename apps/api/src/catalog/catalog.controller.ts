import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiExtraModels,
  ApiProduces,
  getSchemaPath,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { closestNames } from '@app/core';
import {
  Catalog,
  CatalogErrorCode,
  CatalogException,
  matrixToCsv,
  MatrixTable,
} from '@app/catalog';
import { CatalogActionListResponse, CatalogActionResponse } from './catalog-action.response';
import { MATRIX_CSV_EXAMPLE, MatrixResponse } from './catalog-matrix.response';
import { ListActionsQuery } from './list-actions.query';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('catalog')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/catalog')
export class CatalogController {
  constructor(private readonly catalog: Catalog) {}

  @Get('actions')
  @ApiOperation({
    summary: 'Actions of every product: its own rows and the generic rows it inherits',
  })
  @ApiOkResponse({ type: CatalogActionListResponse })
  list(@Query() query: ListActionsQuery): CatalogActionListResponse {
    const items = this.catalog.actions(query);
    return { items, total: items.length };
  }

  @Get('actions/:key')
  @ApiErrors(CatalogErrorCode.ActionNotFound)
  @ApiOperation({ summary: 'One action by key, e.g. mariadb.add-read-only-replica' })
  @ApiOkResponse({ type: CatalogActionResponse })
  get(@Param('key') key: string): CatalogActionResponse {
    const action = this.catalog.action(key);
    if (!action) {
      const suggestions = closestNames(
        key,
        this.catalog.actions().map((known) => known.key),
      );
      // The hint fills the message; it is left out when there is nothing to suggest.
      const hint = suggestions.length ? { hint: ` Did you mean ${suggestions.join(' or ')}?` } : {};
      throw new CatalogException(CatalogErrorCode.ActionNotFound, { key, suggestions, ...hint });
    }
    return CatalogActionResponse.from(action);
  }

  @Get('matrix')
  @ApiOperation({ summary: 'The matrix as published: the generic table and every product table' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'JSON by default; CSV (RFC 4180, one row per action) for `Accept: text/csv`',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(MatrixResponse) } },
      'text/csv': { schema: { type: 'string' }, example: MATRIX_CSV_EXAMPLE },
    },
  })
  @ApiExtraModels(MatrixResponse)
  matrix(@Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response) {
    // One version throughout, even if another becomes active meanwhile.
    const { tables, version }: { tables: readonly MatrixTable[]; version: number } =
      this.catalog.current();
    if (accept?.includes('text/csv')) {
      res.type('text/csv').attachment('raci-matrix.csv');
      return matrixToCsv(tables);
    }
    return {
      version,
      parties: ['provider', 'customer'],
      letters: ['R', 'A', 'C', 'I'],
      tables: tables.map(({ product, title, actions }) => ({ product, title, actions })),
    };
  }
}
