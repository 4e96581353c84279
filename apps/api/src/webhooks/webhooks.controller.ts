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
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { PageQuery } from '../requests/list-requests.query';
import { Created } from '../http/created.decorator';
import { Idempotent } from '../http/idempotent.decorator';
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
    NotificationsErrorCode.WebhookAddressNotPublic,
    NotificationsErrorCode.WebhookEventTypesInvalid,
    PartiesErrorCode.OrganizationNotFound,
    NotificationsErrorCode.WebhookLimitReached,
  )
  @ApiOperation({
    summary: 'Register an endpoint for the events of the organization’s requests (admins)',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @Created('/v1/webhooks/{id}')
  @Idempotent()
  @ApiBadRequestResponse({
    description:
      'WEBHOOK_URL_NOT_ALLOWED, WEBHOOK_ADDRESS_NOT_PUBLIC, WEBHOOK_EVENT_TYPES_INVALID, ' +
      'VALIDATION_FAILED',
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
  @ApiResponseHeaders(200, 'Link')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<WebhookListResponse> {
    const { items, nextCursor } = await this.webhooks.list(principal, query);
    return { items: items.map((endpoint) => WebhookResponse.from(endpoint)), nextCursor };
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

  @Post(':id/resume')
  @ApiErrors(PartiesErrorCode.AdminRequired, NotificationsErrorCode.WebhookNotFound)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Send to a paused endpoint again (admins); a no-op when it is not paused',
    description:
      'An endpoint is paused after WEBHOOK_FAILURES_BEFORE_PAUSE failed attempts in a row. ' +
      'Resuming resets that count; events of the pause are not sent again.',
  })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async resume(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<WebhookResponse> {
    return WebhookResponse.from(await this.webhooks.resume(principal, id));
  }

  @Get(':id/deliveries')
  @ApiErrors(PartiesErrorCode.AdminRequired, NotificationsErrorCode.WebhookNotFound)
  @ApiOperation({ summary: 'The latest deliveries to an endpoint, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryListResponse })
  @ApiResponseHeaders(200, 'Link')
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Query() query: PageQuery,
  ): Promise<WebhookDeliveryListResponse> {
    const { items, nextCursor } = await this.webhooks.deliveriesOf(principal, id, query);
    return { items: items.map((delivery) => WebhookDeliveryResponse.from(delivery)), nextCursor };
  }
}
