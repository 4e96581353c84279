import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Principal } from '@app/parties';
import {
  CommentOnRequestService,
  RequestVerb,
  TransitionRequestService,
  RequestsErrorCode,
} from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { Created } from '../http/created.decorator';
import { IfMatch } from '../http/if-match.decorator';
import { Idempotent } from '../http/idempotent.decorator';
import { RequestEtagInterceptor } from '../http/request-etag.interceptor';
import { CommentResponse } from './request-history.response';
import { RequestResponse } from './request.response';
import { JSON_ONLY_415 } from './requests.controller';
import {
  ApproveDto,
  CancelDto,
  CommentDto,
  CompleteDto,
  OpinionDto,
  ReasonDto,
} from './transition.dto';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** One route per verb; each is checked against the request's RACI letters and its state machine. */
@ApiTags('requests')
@ApiBearerAuth()
@ApiUnsupportedMediaTypeResponse({ description: JSON_ONLY_415 })
@ApiHeader({
  name: 'If-Match',
  required: false,
  description:
    'The request’s ETag (`"<version>"`, from GET /v1/requests/{id} or the last change): the call ' +
    'applies only to that version, else 412 PRECONDITION_FAILED. Without it, as before.',
  schema: { type: 'string', example: '"3"' },
})
@Idempotent()
@UseInterceptors(RequestEtagInterceptor)
@Controller('v1/requests/:id')
export class RequestTransitionsController {
  constructor(
    private readonly transitions: TransitionRequestService,
    private readonly commenting: CommentOnRequestService,
  ) {}

  @Post('opinions')
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotConsulted,
    RequestsErrorCode.CredentialNotPersonal,
    RequestsErrorCode.OpinionAlreadyGiven,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({ summary: "C: a Consulted party's opinion; the last one unlocks approval" })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  opinion(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: OpinionDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Opinion, {
      opinion: body.opinion,
      text: body.comment,
      expectedVersions,
    });
  }

  @Post('waive-consultation')
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotAccountableApprover,
    RequestsErrorCode.CredentialNotPersonal,
    RequestsErrorCode.StepUpRequired,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({
    summary: 'A: go to approval without waiting for every Consulted party (reason recorded)',
  })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  waive(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: ReasonDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.WaiveConsultation, {
      text: body.reason,
      expectedVersions,
    });
  }

  @Post('approve')
  @ApiBody({
    type: ApproveDto,
    required: false,
    description: 'Optional: the call works without a body',
  })
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotAccountableApprover,
    RequestsErrorCode.CredentialNotPersonal,
    RequestsErrorCode.StepUpRequired,
    RequestsErrorCode.FourEyes,
    RequestsErrorCode.ConsultationPending,
    RequestsErrorCode.AlreadyApproved,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A: approve (never the submitter: four eyes); with a quorum, the approval that reaches it approves',
  })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  @ApiConflictResponse({
    description:
      'REQUEST_CONSULTATION_PENDING: Consulted parties have not answered (`details.awaited` names ' +
      'them); POST waive-consultation with a reason to go on without them. ' +
      'ALREADY_APPROVED: you (or a delegate for you) already approved; the request waits for the ' +
      'other approvers its quorum (`approvalsRequired`) needs. ' +
      'REQUEST_INVALID_TRANSITION, REQUEST_VERSION_CONFLICT',
  })
  approve(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: ApproveDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Approve, {
      text: body.comment,
      expectedVersions,
    });
  }

  @Post('reject')
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotAccountableApprover,
    RequestsErrorCode.CredentialNotPersonal,
    RequestsErrorCode.StepUpRequired,
    RequestsErrorCode.FourEyes,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({ summary: 'A: reject, with a reason' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  reject(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: ReasonDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Reject, { text: body.reason, expectedVersions });
  }

  @Post('start')
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotPerformingOperator,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({ summary: 'The performing party starts the work' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  start(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Start, { expectedVersions });
  }

  @Post('complete')
  @ApiBody({
    type: CompleteDto,
    required: false,
    description: 'Optional: the call works without a body',
  })
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotPerformingOperator,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The performing party completes the work, with an optional result: text or a JSON object',
  })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  complete(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: CompleteDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Complete, {
      result: body.result,
      expectedVersions,
    });
  }

  @Post('fail')
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotPerformingOperator,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({ summary: 'The performing party reports the work failed, with a reason' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  fail(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: ReasonDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Fail, { text: body.reason, expectedVersions });
  }

  @Post('cancel')
  @ApiBody({
    type: CancelDto,
    required: false,
    description: 'Optional: the call works without a body',
  })
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotSubmitterOrAccountable,
    RequestsErrorCode.InvalidTransition,
    RequestsErrorCode.VersionConflict,
  )
  @HttpCode(200)
  @ApiOperation({ summary: 'The submitter or the Accountable party cancels, before work starts' })
  @ApiOkResponse({ type: RequestResponse })
  @ApiResponseHeaders(200, 'ETag', 'IdempotentReplayed')
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: CancelDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.transitions.act(p, id, RequestVerb.Cancel, { text: body.reason, expectedVersions });
  }

  @Post('comments')
  @ApiErrors(
    RequestsErrorCode.RequestNotFound,
    RequestsErrorCode.NotAParty,
    RequestsErrorCode.InternalCommentNotAllowed,
    RequestsErrorCode.UserRequired,
  )
  @ApiOperation({
    summary: 'Any party of the request comments; `internal` ones stay with the provider',
  })
  @ApiCreatedResponse({ type: CommentResponse })
  @Created('/v1/requests/{requestId}/comments')
  comment(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() body: CommentDto,
    @IfMatch() expectedVersions?: number[],
  ) {
    return this.commenting.comment(p, id, { ...body, expectedVersions });
  }
}
