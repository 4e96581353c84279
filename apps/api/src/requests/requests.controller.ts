import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CommonErrorCode, CommonException } from '@app/core';
import type { Principal } from '@app/parties';
import { PreviewRequestService, RequestQueriesService, SubmitRequestService } from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ListRequestsQuery } from './list-requests.query';
import {
  CommentResponse,
  HistoryEntryResponse,
  RequestPageResponse,
  RequestPreviewResponse,
  RequestResponse,
} from './request.response';
import { SubmitRequestDto } from './submit-request.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class RequestsController {
  constructor(
    private readonly submitting: SubmitRequestService,
    private readonly previewing: PreviewRequestService,
    private readonly queries: RequestQueriesService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Submit a request for a catalog action; routed to its R, gated on its A',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Replaying the same key returns the first response',
  })
  @ApiCreatedResponse({ type: RequestResponse })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubmitRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new CommonException(CommonErrorCode.ValidationFailed, {
        fields: [
          { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
        ],
      });
    }
    const { status, body: created } = await this.submitting.submit(principal, body, key);
    res.status(status);
    return created;
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Who would be R, A, C, I and who would perform, without storing anything',
  })
  @ApiOkResponse({ type: RequestPreviewResponse })
  preview(@CurrentPrincipal() principal: Principal, @Body() body: SubmitRequestDto) {
    return this.previewing.preview(principal, body);
  }

  @Get()
  @ApiOperation({ summary: "Requests of the caller's tenant, newest first (cursor pagination)" })
  @ApiOkResponse({ type: RequestPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListRequestsQuery) {
    return this.queries.list(principal, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RequestResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.queries.get(principal, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The append-only, hash-chained history of the request' })
  @ApiOkResponse({ type: [HistoryEntryResponse] })
  history(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.queries.history(principal, id);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'Comments; internal ones only for the provider' })
  @ApiOkResponse({ type: [CommentResponse] })
  comments(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.queries.comments(principal, id);
  }
}
