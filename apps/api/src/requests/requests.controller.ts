import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@app/parties';
import { PartiesErrorCode } from '@app/parties';
import {
  PreviewRequestService,
  RequestQueriesService,
  requestCsvHeader,
  requestCsvLine,
  SubmitRequestService,
  RequestsErrorCode,
  ViewerActionsService,
} from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { Created } from '../http/created.decorator';
import { Idempotent } from '../http/idempotent.decorator';
import { RequestEtagInterceptor } from '../http/request-etag.interceptor';
import { ExportRequestsQuery, ListRequestsQuery, PageQuery } from './list-requests.query';
import { CommentPageResponse, HistoryPageResponse } from './request-history.response';
import {
  RequestPageResponse,
  RequestPreviewResponse,
  RequestResponse,
  ViewerActionsResponse,
} from './request.response';
import { SubmitRequestDto } from './submit-request.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** The 400s of a submission and its preview. */
const SUBMISSION_400 =
  'ACTION_NOT_FOUND: no such action (the message suggests the closest keys and points at ' +
  'GET /v1/catalog/actions); ACTION_PROPOSED_AS_CHANGE: catalog.change-matrix is proposed with ' +
  'POST /v1/catalog/changes; REQUEST_PARAMS_INVALID: `details.fields` names each offending ' +
  'property (an unknown one with "did you mean"); VALIDATION_FAILED; MALFORMED_JSON';

/** The 415 of every JSON route. */
export const JSON_ONLY_415 =
  'UNSUPPORTED_MEDIA_TYPE: a body that is not JSON; send Content-Type: application/json';

/** The CSV export, as the OpenAPI document shows it. */
const REQUESTS_CSV_EXAMPLE =
  'id,action,title,product,organizationId,state,submittedById,submittedByEmail,submittedByName,dueAt,createdAt,updatedAt\r\n' +
  '0b6f…,mariadb.add-read-only-replica,Add a MariaDB read-only Replica,mariadb,5c1e…,pending_approval,' +
  '9a2d…,ana@example.com,Ana,2026-12-02T17:00:00.000Z,2026-11-30T09:12:00.000Z,2026-11-30T09:12:00.000Z\r\n';

/** Waits until the response takes more, or is closed by the client. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class RequestsController {
  constructor(
    private readonly submitting: SubmitRequestService,
    private readonly previewing: PreviewRequestService,
    private readonly queries: RequestQueriesService,
    private readonly viewerActions: ViewerActionsService,
  ) {}

  @Post()
  @ApiErrors(
    RequestsErrorCode.ActionProposedAsChange,
    RequestsErrorCode.RoleRequired,
    PartiesErrorCode.OrganizationRequired,
    PartiesErrorCode.NotACustomer,
    PartiesErrorCode.OrganizationNotFound,
    RequestsErrorCode.ActionNotFound,
    RequestsErrorCode.ActionNotRequestable,
    RequestsErrorCode.PlanNotAllowed,
    RequestsErrorCode.ParamsInvalid,
    RequestsErrorCode.QuotaExceeded,
    RequestsErrorCode.IdempotencyKeyReused,
    RequestsErrorCode.NoEligibleApprover,
    RequestsErrorCode.NoEligibleConsultant,
  )
  @ApiOperation({
    summary: 'Submit a request for a catalog action; routed to its R, gated on its A',
  })
  @Idempotent()
  @ApiCreatedResponse({ type: RequestResponse })
  @Created('/v1/requests/{id}', 'ETag')
  @UseInterceptors(RequestEtagInterceptor)
  @ApiBadRequestResponse({ description: SUBMISSION_400 })
  @ApiUnprocessableEntityResponse({
    description:
      'NO_ELIGIBLE_APPROVER: nobody but the submitter could approve (the message names the party ' +
      'and the role to add); NO_ELIGIBLE_CONSULTANT: a Consulted party has nobody to give its ' +
      'opinion; IDEMPOTENCY_KEY_REUSED. Nothing is stored.',
  })
  @ApiUnsupportedMediaTypeResponse({ description: JSON_ONLY_415 })
  submit(@CurrentPrincipal() principal: Principal, @Body() body: SubmitRequestDto) {
    return this.submitting.submit(principal, body);
  }

  @Post('preview')
  @ApiErrors(
    PartiesErrorCode.OrganizationRequired,
    PartiesErrorCode.NotACustomer,
    PartiesErrorCode.OrganizationNotFound,
    RequestsErrorCode.ActionNotFound,
    RequestsErrorCode.ActionNotRequestable,
    RequestsErrorCode.PlanNotAllowed,
    RequestsErrorCode.ParamsInvalid,
  )
  @HttpCode(200)
  @ApiOperation({
    summary: 'Who would be R, A, C, I and who would perform, without storing anything',
  })
  @ApiOkResponse({ type: RequestPreviewResponse })
  @ApiBadRequestResponse({ description: SUBMISSION_400 })
  @ApiUnsupportedMediaTypeResponse({ description: JSON_ONLY_415 })
  preview(@CurrentPrincipal() principal: Principal, @Body() body: SubmitRequestDto) {
    return this.previewing.preview(principal, body);
  }

  @Get()
  @ApiErrors(RequestsErrorCode.InvalidCursor)
  @ApiOperation({ summary: "Requests of the caller's tenant, newest first (cursor pagination)" })
  @ApiOkResponse({ type: RequestPageResponse })
  @ApiResponseHeaders(200, 'Link')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListRequestsQuery) {
    return this.queries.list(principal, query);
  }

  // Declared before `:id`, which would otherwise take `export` for an id.
  @Get('export')
  @ApiOperation({ summary: 'Every request of the list for the same filters, as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file (`Content-Disposition: attachment; filename=requests.csv`)',
    content: { 'text/csv': { schema: { type: 'string' }, example: REQUESTS_CSV_EXAMPLE } },
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportRequestsQuery,
    @Res() res: Response,
  ): Promise<void> {
    const pages = this.queries.pages(principal, query);
    // The first page is read before anything is sent, so that a refusal is still a coded error.
    let next = await pages.next();
    res.type('text/csv').attachment('requests.csv');
    res.write(requestCsvHeader());
    try {
      while (!next.done && !res.destroyed) {
        if (!res.write(next.value.map(requestCsvLine).join(''))) await drained(res);
        next = await pages.next();
      }
      res.end();
    } catch (error) {
      res.destroy(error as Error);
      throw error;
    }
  }

  @Get(':id')
  @ApiErrors(RequestsErrorCode.RequestNotFound)
  @ApiOperation({ summary: 'One request of the caller’s tenant' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag')
  @UseInterceptors(RequestEtagInterceptor)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.queries.get(principal, id);
  }

  @Get(':id/actions')
  @ApiErrors(RequestsErrorCode.RequestNotFound)
  @ApiOperation({
    summary: 'What the caller may do to the request now (the verbs the API would accept)',
    description:
      'Read from the same table of who acts as the checks of every verb, with the request’s state ' +
      'and its opinions: a client offers these and only these. `stepUp` marks a decision the ' +
      'caller’s present sign-in is not enough for (OIDC_STEP_UP_ACR). The verbs still check all.',
  })
  @ApiOkResponse({ type: ViewerActionsResponse })
  async actions(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
  ): Promise<ViewerActionsResponse> {
    return { items: await this.viewerActions.of(principal, id) };
  }

  @Get(':id/history')
  @ApiErrors(RequestsErrorCode.RequestNotFound)
  @ApiOperation({ summary: 'The append-only, hash-chained history of the request' })
  @ApiOkResponse({ type: HistoryPageResponse })
  @ApiResponseHeaders(200, 'Link')
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQuery,
  ) {
    return this.queries.history(principal, id, query);
  }

  @Get(':id/comments')
  @ApiErrors(RequestsErrorCode.RequestNotFound)
  @ApiOperation({ summary: 'Comments; internal ones only for the provider' })
  @ApiOkResponse({ type: CommentPageResponse })
  @ApiResponseHeaders(200, 'Link')
  comments(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: PageQuery,
  ) {
    return this.queries.comments(principal, id, query);
  }
}
