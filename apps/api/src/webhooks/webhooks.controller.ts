import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { WebhooksService, NotificationsErrorCode } from '@app/notifications';
import type { Principal } from '@app/parties';
import { PartiesErrorCode } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UUID_PARAM } from '../parties/uuid-param.pipe';
import { CreateWebhookDto } from './create-webhook.dto';
import {
  CreatedWebhookResponse,
  WebhookDeliveryListResponse,
  WebhookDeliveryResponse,
  WebhookListResponse,
  WebhookResponse,
} from './webhook.response';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no working bearer token' })
@ApiForbiddenResponse({ description: 'ADMIN_REQUIRED' })
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    NotificationsErrorCode.WebhookUrlNotAllowed,
    NotificationsErrorCode.WebhookEventTypesInvalid,
    PartiesErrorCode.OrganizationNotFound,
    NotificationsErrorCode.WebhookLimitReached,
  )
  @ApiOperation({
    summary: 'Register an endpoint for the events of the organization’s requests (admins)',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiBadRequestResponse({
    description: 'WEBHOOK_URL_NOT_ALLOWED, WEBHOOK_EVENT_TYPES_INVALID, VALIDATION_FAILED',
  })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'WEBHOOK_LIMIT_REACHED' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWebhookDto,
  ): Promise<CreatedWebhookResponse> {
    return CreatedWebhookResponse.fromRegistered(await this.webhooks.register(principal, body));
  }

  @Get()
  @ApiErrors(PartiesErrorCode.AdminRequired)
  @ApiOperation({ summary: 'The organization’s endpoints; every endpoint for provider admins' })
  @ApiOkResponse({ type: WebhookListResponse })
  async list(@CurrentPrincipal() principal: Principal): Promise<WebhookListResponse> {
    const endpoints = await this.webhooks.list(principal);
    return { items: endpoints.map((endpoint) => WebhookResponse.from(endpoint)) };
  }

  @Delete(':id')
  @ApiErrors(PartiesErrorCode.AdminRequired, NotificationsErrorCode.WebhookNotFound)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an endpoint: nothing more is sent to it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<void> {
    await this.webhooks.disable(principal, id);
  }

  @Get(':id/deliveries')
  @ApiErrors(PartiesErrorCode.AdminRequired, NotificationsErrorCode.WebhookNotFound)
  @ApiOperation({ summary: 'The latest deliveries to an endpoint, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryListResponse })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<WebhookDeliveryListResponse> {
    const deliveries = await this.webhooks.deliveriesOf(principal, id);
    return { items: deliveries.map((delivery) => WebhookDeliveryResponse.from(delivery)) };
  }
}
