import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminAuditService, AdminAuditVerifier } from '@app/audit';
import {
  AccessPolicy,
  OrganizationsService,
  PartiesErrorCode,
  PartiesException,
  type Principal,
} from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { AdminAuditVerificationResponse, AdminEventPageResponse } from './admin-event.response';
import { AdminEventsQuery, AdminEventsScopeQuery } from './admin-events.query';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { RequestsErrorCode } from '@app/requests';

/**
 * The admin audit log: readable by the admins of the organization a change concerns, and by
 * provider admins (every organization). Another customer's organization is not found.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
@ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
@Controller('v1/audit/admin-events')
export class AdminEventsController {
  constructor(
    private readonly audit: AdminAuditService,
    private readonly verifier: AdminAuditVerifier,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get()
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.OrganizationNotFound,
    RequestsErrorCode.InvalidCursor,
  )
  @ApiOperation({ summary: 'Admins: who changed which organization, user, token or webhook' })
  @ApiOkResponse({ type: AdminEventPageResponse })
  @ApiResponseHeaders(200, 'Link')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_CURSOR' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AdminEventsQuery,
  ): Promise<AdminEventPageResponse> {
    const organizationId = await this.scope(principal, query.organizationId);
    return AdminEventPageResponse.from(
      await this.audit.page({ organizationId, cursor: query.cursor, limit: query.limit }),
    );
  }

  @Get('verify')
  @ApiErrors(PartiesErrorCode.AdminRequired, PartiesErrorCode.OrganizationNotFound)
  @ApiOperation({ summary: 'Admins: re-check the admin audit chains the caller may read' })
  @ApiOkResponse({ type: AdminAuditVerificationResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  async verify(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AdminEventsScopeQuery,
  ): Promise<AdminAuditVerificationResponse> {
    return this.verifier.verify(await this.scope(principal, query.organizationId));
  }

  /** The organization to read (undefined: every one, for provider admins only). */
  private async scope(principal: Principal, organizationId?: string): Promise<string | undefined> {
    if (!AccessPolicy.isAdmin(principal))
      throw new PartiesException(PartiesErrorCode.AdminRequired);
    if (organizationId) return (await this.organizations.get(principal, organizationId)).id;
    return AccessPolicy.isProvider(principal) ? undefined : principal.organizationId;
  }
}
