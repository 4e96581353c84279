import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/parties';
import { RequestQueriesService, RequestsErrorCode } from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { PageQuery } from './list-requests.query';
import { InboxPageResponse } from './request.response';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(private readonly queries: RequestQueriesService) {}

  @Get()
  @ApiErrors(RequestsErrorCode.InvalidCursor)
  @ApiOperation({
    summary: 'What waits on the caller: approvals as A, opinions as C, work as the performer',
  })
  @ApiOkResponse({ type: InboxPageResponse })
  @ApiResponseHeaders(200, 'Link')
  inbox(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    return this.queries.inbox(principal, query);
  }
}
