import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
} from 'class-validator';
import { ALL_EVENT_TYPES, RegisterWebhookInput } from '@app/notifications';
import { Trim } from '../parties/trim.transform';
import { RequestEventType, WEBHOOK_EVENT_TYPES } from '@app/core';

const EVENT_TYPE_CHOICES = [...WEBHOOK_EVENT_TYPES, ALL_EVENT_TYPES];

/** Body of `POST /v1/webhooks`. */
export class CreateWebhookDto implements RegisterWebhookInput {
  @ApiProperty({
    example: 'https://hooks.globex.example/raci',
    maxLength: 2048,
    description:
      'HTTPS to a public address (checked again at every delivery); plain HTTP only to loopback, ' +
      'which is reachable only when WEBHOOK_ALLOW_PRIVATE is on (development)',
  })
  @Trim()
  @IsString()
  url!: string;

  @ApiPropertyOptional({
    enum: EVENT_TYPE_CHOICES,
    isArray: true,
    example: [RequestEventType.Approved, RequestEventType.Completed],
    description:
      'The events to receive; every event when left out (or with "*"). `audit.checkpoint` ' +
      'brings each signed checkpoint of the organization’s audit logs, as exported',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(EVENT_TYPE_CHOICES.length)
  @IsIn(EVENT_TYPE_CHOICES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10',
    description: 'Provider admins: the organization it is for (default: the caller’s own)',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
