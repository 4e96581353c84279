import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { DeadLettersService, DeliveryStatus, NotificationsErrorCode } from '@app/notifications';
import { AccessPolicy, type Principal, PartiesErrorCode } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { Idempotent } from '../http/idempotent.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { PageQuery } from '../requests/list-requests.query';

class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DeliveryStatus, example: DeliveryStatus.Failed })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;
}

class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'request.approved' }) eventType!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for a daily digest',
  })
  requestId!: string | null;
  @ApiProperty({ example: 'informed' }) audience!: string;
  @ApiProperty({ example: 'cloud@globex.example' }) recipient!: string;
  @ApiProperty({ example: '<0b6d…@raci-engine>' }) messageId!: string;
  @ApiProperty({ example: 'Request approved: Add a MariaDB read-only Replica (Globex)' })
  subject!: string;
  @ApiProperty({ enum: DeliveryStatus }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'Times an admin sent it again' }) retries!: number;
  @ApiProperty({ type: String, nullable: true, example: 'SMTP 550: mailbox unavailable' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse], description: 'Newest first' })
  items!: DeliveryResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

/** Provider admins: what was sent, what failed and why, and sending a failed message again. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiErrors(PartiesErrorCode.AdminRequired)
  @ApiOperation({
    summary: 'Deliveries, newest first; `status=failed` lists the dead letters with their reason',
  })
  @ApiOkResponse({ type: DeliveryListResponse })
  @ApiResponseHeaders(200, 'Link')
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQuery) {
    AccessPolicy.requireProviderAdmin(principal);
    return this.deadLetters.list(query.status, query);
  }

  @Post(':id/retry')
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    NotificationsErrorCode.DeliveryNotFound,
    NotificationsErrorCode.NotFailed,
  )
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a failed message again (same Message-ID)' })
  @Idempotent()
  @ApiAcceptedResponse({ type: DeliveryResponse, description: 'Queued again' })
  retry(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    AccessPolicy.requireProviderAdmin(principal);
    return this.deadLetters.retry(id);
  }
}
