import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  Catalog,
  CatalogErrorCode,
  CatalogException,
  CatalogVersionsService,
  diffCatalogs,
  diffInWords,
} from '@app/catalog';
import { CommonErrorCode, DEFAULT_PAGE_SIZE, readerOf } from '@app/core';
import type { Principal } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { PageQuery } from '../requests/list-requests.query';
import {
  CatalogDiffResponse,
  CatalogVersionPageResponse,
  CatalogVersionResponse,
  CatalogVersionSummaryResponse,
} from './catalog-version.response';

/** The stored versions of the matrix: readable by every authenticated caller, as the catalog is. */
@ApiTags('catalog')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/catalog/versions')
export class CatalogVersionsController {
  constructor(
    private readonly versions: CatalogVersionsService,
    private readonly catalog: Catalog,
  ) {}

  @Get()
  @ApiErrors(CommonErrorCode.InvalidCursor)
  @ApiOperation({ summary: 'The versions of the matrix, newest first' })
  @ApiOkResponse({ type: CatalogVersionPageResponse })
  @ApiResponseHeaders(200, 'Link')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() { cursor, limit }: PageQuery,
  ): Promise<CatalogVersionPageResponse> {
    const reader = readerOf(principal);
    const page = await this.versions.list(cursor, limit ?? DEFAULT_PAGE_SIZE, reader);
    return {
      items: page.items.map((row) => CatalogVersionSummaryResponse.from(row)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':version')
  @ApiErrors(CatalogErrorCode.VersionNotFound)
  @ApiParam({ name: 'version', type: 'integer', example: 1 })
  @ApiOperation({ summary: 'One version of the matrix: its tables and its YAML files' })
  @ApiOkResponse({ type: CatalogVersionResponse })
  async one(@Param('version') param: string): Promise<CatalogVersionResponse> {
    const row = await this.versions.one(versionNumber(param));
    const tables = await this.catalog.at(row.version);
    return CatalogVersionResponse.withContent(row, tables.tables);
  }

  @Get(':version/diff')
  @ApiErrors(CatalogErrorCode.VersionNotFound, CatalogErrorCode.DiffBaseInvalid)
  @ApiParam({ name: 'version', type: 'integer', example: 2 })
  @ApiQuery({
    name: 'from',
    required: false,
    schema: { type: 'integer', example: 1 },
    description: 'The version compared against; the one before by default',
  })
  @ApiOperation({
    summary:
      'The rows a version adds, removes and changes against another, letters before and after',
  })
  @ApiOkResponse({ type: CatalogDiffResponse })
  async diff(
    @CurrentPrincipal() principal: Principal,
    @Param('version') param: string,
    @Query('from') from?: string,
  ): Promise<CatalogDiffResponse> {
    const reader = readerOf(principal);
    const to = await this.versions.one(versionNumber(param), reader);
    const base = from === undefined ? to.version - 1 : versionNumber(from);
    const before = await this.versions.one(base, reader).catch((error: unknown) => {
      if (!(error instanceof CatalogException)) throw error;
      throw new CatalogException(CatalogErrorCode.DiffBaseInvalid, { from: from ?? String(base) });
    });
    const diff = diffCatalogs(
      await this.catalog.at(before.version),
      await this.catalog.at(to.version),
    );
    return { ...diff, words: diffInWords(diff) };
  }
}

/** A version number as the path or the query gives it; 0 (found nowhere) for anything else. */
function versionNumber(text: string): number {
  return /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : 0;
}
