import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CommonErrorCode } from '@app/core';
import { ListTokensService, type Principal, TokensService, PartiesErrorCode } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UUID_PARAM } from './uuid-param.pipe';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { ListTokensQuery } from './list-tokens.query';
import { TokenListResponse, TokenSummaryResponse } from './token.response';

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/tokens')
export class TokensController {
  constructor(
    private readonly tokens: TokensService,
    private readonly listing: ListTokensService,
  ) {}

  @Get()
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.UserNotFound,
    CommonErrorCode.InvalidCursor,
  )
  @ApiOperation({
    summary: 'A user’s tokens, never their secret (the caller’s own; another’s for admins)',
  })
  @ApiOkResponse({ type: TokenListResponse })
  @ApiResponseHeaders(200, 'Link')
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTokensQuery,
  ): Promise<TokenListResponse> {
    const { userId, cursor, limit } = query;
    const page = await this.listing.list(principal, userId, { cursor, limit });
    return {
      items: page.items.map((token) => TokenSummaryResponse.from(token)),
      nextCursor: page.nextCursor,
    };
  }

  @Delete(':id')
  @ApiErrors(PartiesErrorCode.AdminRequired, PartiesErrorCode.TokenNotFound)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Revoke a token (its owner, the owner’s organization admins, provider admins)',
  })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'TOKEN_NOT_FOUND' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<void> {
    await this.tokens.revoke(principal, id);
  }
}
