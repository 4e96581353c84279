import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiBadRequestResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  type Principal,
  TokensService,
  UpdateUserService,
  UsersService,
  PartiesErrorCode,
} from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { PageQuery } from '../requests/list-requests.query';
import { Created } from '../http/created.decorator';
import { Idempotent } from '../http/idempotent.decorator';
import { CreateUserDto } from './create-user.dto';
import { CreatedUserResponse } from './created-user.response';
import { requireSomeChange } from './nothing-to-change';
import { TokenResponse } from './token.response';
import { UpdateUserDto } from './update-user.dto';
import { UserListResponse, UserResponse } from './user.response';
import { UUID_PARAM } from './uuid-param.pipe';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly updates: UpdateUserService,
  ) {}

  @Post('organizations/:id/users')
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.OrganizationNotFound,
    PartiesErrorCode.EmailTaken,
    PartiesErrorCode.OidcSubjectTaken,
    PartiesErrorCode.ServiceAccountCannotDecide,
  )
  @ApiOperation({
    summary: 'Add a user to an organization, with its first token (its admins, provider admins)',
  })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @Created('/v1/users/{id}')
  @Idempotent()
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN, OIDC_SUBJECT_TAKEN' })
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
  @ApiErrors(PartiesErrorCode.AdminRequired, PartiesErrorCode.OrganizationNotFound)
  @ApiOperation({ summary: 'The users of an organization (its admins, provider admins)' })
  @ApiOkResponse({ type: UserListResponse })
  @ApiResponseHeaders(200, 'Link')
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) organizationId: string,
    @Query() query: PageQuery,
  ): Promise<UserListResponse> {
    const { items, nextCursor } = await this.users.list(principal, organizationId, query);
    return { items: items.map((user) => UserResponse.from(user)), nextCursor };
  }

  @Patch('users/:id')
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.OwnRolesEscalation,
    PartiesErrorCode.UserNotFound,
    PartiesErrorCode.LastActiveAdmin,
    PartiesErrorCode.OidcSubjectTaken,
    PartiesErrorCode.ServiceAccountCannotDecide,
  )
  @ApiOperation({
    summary:
      'Change a user’s name, roles, active flag or identity provider subject (its organization’s admins, provider admins)',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED, OWN_ROLES_ESCALATION' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LAST_ACTIVE_ADMIN, OIDC_SUBJECT_TAKEN' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    requireSomeChange(body, ['name', 'roles', 'active', 'oidcSubject']);
    return UserResponse.from((await this.updates.update(principal, id, body)).user);
  }

  @Post('users/:id/tokens')
  @ApiErrors(PartiesErrorCode.AdminRequired, PartiesErrorCode.UserNotFound)
  @ApiOperation({
    summary: 'Issue a new token for a user (the user, its organization’s admins, provider admins)',
  })
  @ApiCreatedResponse({ type: TokenResponse })
  @Created('/v1/tokens/{id}')
  @Idempotent()
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async issueToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) userId: string,
  ): Promise<TokenResponse> {
    return TokenResponse.from(await this.tokens.issue(principal, userId));
  }
}
