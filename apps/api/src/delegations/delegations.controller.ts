import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CommonErrorCode } from '@app/core';
import { PartiesErrorCode, type Principal } from '@app/parties';
import {
  CreateDelegationService,
  DelegationCandidatesService,
  EndDelegationService,
  ListDelegationsService,
  RequestsErrorCode as Code,
} from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { Created } from '../http/created.decorator';
import { Idempotent } from '../http/idempotent.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { UUID_PARAM } from '../parties/uuid-param.pipe';
import { PageQuery } from '../requests/list-requests.query';
import { CreateDelegationDto } from './create-delegation.dto';
import { PersonListResponse } from '../requests/request.response';
import { DelegationListResponse, DelegationResponse } from './delegation.response';

@ApiTags('delegations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/delegations')
export class DelegationsController {
  constructor(
    private readonly creating: CreateDelegationService,
    private readonly listing: ListDelegationsService,
    private readonly ending: EndDelegationService,
    private readonly candidates: DelegationCandidatesService,
  ) {}

  @Get('candidates')
  @ApiOperation({
    summary: 'The people of your organization a delegation may name, you included',
  })
  @ApiOkResponse({ type: PersonListResponse })
  async people(@CurrentPrincipal() principal: Principal): Promise<PersonListResponse> {
    return { items: await this.candidates.list(principal) };
  }

  @Post()
  @ApiErrors(
    Code.UserRequired,
    Code.DelegatorNotFound,
    PartiesErrorCode.AdminRequired,
    Code.DelegationToSelf,
    Code.DelegateNotFound,
    Code.DelegateInactive,
    Code.DelegateNotAPerson,
    Code.DelegationWindowInvalid,
    Code.DelegationInThePast,
    Code.NothingToDelegate,
  )
  @ApiOperation({
    summary: 'Hand your decisions to a person of your organization for a window',
  })
  @ApiCreatedResponse({ type: DelegationResponse })
  @Created('/v1/delegations/{id}')
  @Idempotent()
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateDelegationDto,
  ): Promise<DelegationResponse> {
    return this.creating.create(principal, {
      ...body,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
    });
  }

  @Get()
  @ApiErrors(CommonErrorCode.InvalidCursor)
  @ApiOperation({ summary: 'Your delegations, given and received; an admin’s organization’s' })
  @ApiOkResponse({ type: DelegationListResponse })
  @ApiResponseHeaders(200, 'Link')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<DelegationListResponse> {
    return this.listing.list(principal, query);
  }

  @Delete(':id')
  @ApiErrors(Code.DelegationNotFound)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End a delegation early (its two people, or an admin)' })
  @ApiNoContentResponse({ description: 'Ended (or already over)' })
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<void> {
    await this.ending.end(principal, id);
  }
}
