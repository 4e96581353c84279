import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CatalogErrorCode } from '@app/catalog';
import type { Principal } from '@app/parties';
import { ProposeCatalogChangeService, RequestsErrorCode } from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Created } from '../http/created.decorator';
import { RequestEtagInterceptor } from '../http/request-etag.interceptor';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { RequestResponse } from '../requests/request.response';
import { CatalogChangeDto } from './catalog-change.dto';

/** Changes of the matrix: each one a request for `catalog.change-matrix`, decided through RACI. */
@ApiTags('catalog')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/catalog/changes')
export class CatalogChangesController {
  constructor(private readonly changes: ProposeCatalogChangeService) {}

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
}
