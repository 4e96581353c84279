import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import {
  OrganizationsService,
  type Principal,
  UpdateOrganizationService,
  PartiesErrorCode,
} from '@app/parties';
import { OrganizationQuotas } from '@app/requests';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { PageQuery } from '../requests/list-requests.query';
import { Created } from '../http/created.decorator';
import { Idempotent } from '../http/idempotent.decorator';
import { CreateOrganizationDto } from './create-organization.dto';
import { requireSomeChange } from './nothing-to-change';
import { OrganizationListResponse, OrganizationResponse } from './organization.response';
import { OrganizationQuotaResponse } from './organization-quota.response';
import { QuotaPackagesDto, QuotaPackagesResponse } from './quota-packages.dto';
import { UpdateOrganizationDto } from './update-organization.dto';
import { UUID_PARAM } from './uuid-param.pipe';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('organizations')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly updates: UpdateOrganizationService,
    private readonly quotas: OrganizationQuotas,
  ) {}

  @Post()
  @ApiErrors(PartiesErrorCode.AdminRequired, PartiesErrorCode.OrganizationNameTaken)
  @ApiOperation({ summary: 'Create a customer organization (provider admins)' })
  @ApiCreatedResponse({ type: OrganizationResponse })
  @Created('/v1/organizations/{id}')
  @Idempotent()
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  @ApiConflictResponse({ description: 'ORGANIZATION_NAME_TAKEN' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationResponse> {
    return OrganizationResponse.from(await this.organizations.create(principal, body));
  }

  @Get()
  @ApiOperation({ summary: 'Every organization for provider users; its own for a customer user' })
  @ApiOkResponse({ type: OrganizationListResponse })
  @ApiResponseHeaders(200, 'Link')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<OrganizationListResponse> {
    const { items, nextCursor } = await this.organizations.list(principal, query);
    return {
      items: items.map((organization) => OrganizationResponse.from(organization)),
      nextCursor,
    };
  }

  @Get(':id')
  @ApiErrors(PartiesErrorCode.OrganizationNotFound)
  @ApiOperation({ summary: 'One organization; another customer’s is not found' })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<OrganizationResponse> {
    return OrganizationResponse.from(await this.organizations.get(principal, id));
  }

  @Patch(':id')
  @ApiErrors(
    PartiesErrorCode.NotACustomer,
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.ProviderAdminRequired,
    PartiesErrorCode.OrganizationNotFound,
    PartiesErrorCode.OrganizationNameTaken,
  )
  @ApiOperation({
    summary:
      'Change an organization: name, contact emails, locale (its admins, provider admins); subscription (provider admins)',
  })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, NOT_A_CUSTOMER' })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED, PROVIDER_ADMIN_REQUIRED' })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORGANIZATION_NAME_TAKEN' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationResponse> {
    requireSomeChange(body, ['name', 'contactEmails', 'locale', 'subscription']);
    return OrganizationResponse.from(await this.updates.update(principal, id, body));
  }

  @Get(':id/quota')
  @ApiErrors(PartiesErrorCode.NotACustomer, PartiesErrorCode.OrganizationNotFound)
  @ApiOperation({
    summary:
      'Each quota of the catalog for the customer’s plan: used, remaining, period and packages',
  })
  @ApiOkResponse({ type: OrganizationQuotaResponse })
  @ApiBadRequestResponse({ description: 'NOT_A_CUSTOMER' })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  async quota(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<OrganizationQuotaResponse> {
    return OrganizationQuotaResponse.from(id, await this.quotas.of(principal, id));
  }

  @Put(':id/quota-packages')
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.NotACustomer,
    PartiesErrorCode.OrganizationNotFound,
  )
  @ApiOperation({
    summary:
      'Provider admins: extra quota packages a customer bought (e.g. Data Masking treatments)',
  })
  @ApiOkResponse({ type: QuotaPackagesResponse })
  @ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
  async setQuotaPackages(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() body: QuotaPackagesDto,
  ): Promise<QuotaPackagesResponse> {
    const organization = await this.organizations.setQuotaPackages(
      principal,
      id,
      body.unit,
      body.packages,
    );
    return { organizationId: organization.id, quotaPackages: organization.quotaPackages };
  }
}
