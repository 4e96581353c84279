import { Body, Controller, HttpCode, HttpStatus, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  Catalog,
  CatalogErrorCode,
  CatalogVersionsService,
  checkCatalogChange,
  diffInWords,
} from '@app/catalog';
import type { Principal } from '@app/parties';
import { ProposeCatalogChangeService, RequestsErrorCode } from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Created } from '../http/created.decorator';
import { RequestEtagInterceptor } from '../http/request-etag.interceptor';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { RequestResponse } from '../requests/request.response';
import { CatalogChangeCheckDto } from './catalog-change-check.dto';
import { CatalogChangeCheckResponse } from './catalog-change-check.response';
import { CatalogChangeDto } from './catalog-change.dto';

/** Changes of the matrix: each one a request for `catalog.change-matrix`, decided through RACI. */
@ApiTags('catalog')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/catalog/changes')
export class CatalogChangesController {
  constructor(
    private readonly changes: ProposeCatalogChangeService,
    private readonly versions: CatalogVersionsService,
    private readonly catalog: Catalog,
  ) {}

  @Post()
  @ApiErrors(
    CatalogErrorCode.ChangeInvalid,
    CatalogErrorCode.ChangeProviderOnly,
    RequestsErrorCode.RoleRequired,
    RequestsErrorCode.ParamsInvalid,
    RequestsErrorCode.QuotaExceeded,
    RequestsErrorCode.NoEligibleApprover,
  )
  @ApiOperation({
    summary: "Propose a new version of one product's file: a request for catalog.change-matrix",
  })
  @ApiCreatedResponse({ type: RequestResponse })
  @Created('/v1/requests/{id}', 'ETag')
  @UseInterceptors(RequestEtagInterceptor)
  propose(@CurrentPrincipal() principal: Principal, @Body() body: CatalogChangeDto) {
    return this.changes.propose(principal, body);
  }

  @Post('check')
  @HttpCode(HttpStatus.OK)
  @ApiErrors(CatalogErrorCode.ChangeProviderOnly)
  @ApiOperation({
    summary: "Check one product's new file as a proposal would, storing nothing",
  })
  @ApiOkResponse({ type: CatalogChangeCheckResponse })
  async check(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CatalogChangeCheckDto,
  ): Promise<CatalogChangeCheckResponse> {
    this.changes.assertMayPropose(principal);
    const active = await this.versions.active();
    if (!active) return { valid: true, problems: [], diff: null };
    const tables = await this.catalog.at(active.version);
    const check = checkCatalogChange(active, tables, body.product, body.yaml);
    if (!check.valid) return { valid: false, problems: check.problems, diff: null };
    return { valid: true, problems: [], diff: { ...check.diff, words: diffInWords(check.diff) } };
  }
}
