import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type Principal, TokensService, UsersService } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CreateUserDto } from './create-user.dto';
import { CreatedUserResponse } from './created-user.response';
import { TokenResponse } from './token.response';
import { UserListResponse, UserResponse } from './user.response';
import { UUID_PARAM } from './uuid-param.pipe';

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
  ) {}

  @Post('organizations/:id/users')
  @ApiOperation({
    summary: 'Add a user to an organization, with its first token (its admins, provider admins)',
  })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) organizationId: string,
    @Body() body: CreateUserDto,
  ): Promise<CreatedUserResponse> {
    return CreatedUserResponse.fromCreated(
      await this.users.create(principal, organizationId, body),
    );
  }

  @Get('organizations/:id/users')
  @ApiOperation({ summary: 'The users of an organization (its admins, provider admins)' })
  @ApiOkResponse({ type: UserListResponse })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) organizationId: string,
  ): Promise<UserListResponse> {
    const users = await this.users.list(principal, organizationId);
    return { items: users.map((user) => UserResponse.from(user)) };
  }

  @Post('users/:id/tokens')
  @ApiOperation({
    summary: 'Issue a new token for a user (the user, its organization’s admins, provider admins)',
  })
  @ApiCreatedResponse({ type: TokenResponse })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async issueToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) userId: string,
  ): Promise<TokenResponse> {
    return TokenResponse.from(await this.tokens.issue(principal, userId));
  }
}
