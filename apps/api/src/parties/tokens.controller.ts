import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Principal, TokensService, PartiesErrorCode } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UUID_PARAM } from './uuid-param.pipe';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

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
