import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { Opinion } from '@app/requests';
import type { RequestResult } from '@app/requests';

/** `POST /v1/requests/:id/opinions` (Consulted parties). */
export class OpinionDto {
  @ApiProperty({ enum: Opinion, example: Opinion.Agree })
  @IsEnum(Opinion)
  opinion!: Opinion;

  @ApiPropertyOptional({ example: 'Fine for us; masking the billing schema too.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

/** `POST /v1/requests/:id/approve` (Accountable approvers). */
export class ApproveDto {
  @ApiPropertyOptional({ example: 'Approved for the next maintenance window.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

/** Body of the verbs that need a reason: reject, fail, waive-consultation. */
export class ReasonDto {
  @ApiProperty({ example: 'The replica would exceed the cluster quota.', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

/** `POST /v1/requests/:id/cancel` (submitter or Accountable approver, before work starts). */
export class CancelDto {
  @ApiPropertyOptional({ example: 'No longer needed.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** A result is text (1 to 10,000 characters) or a JSON object (not an array). */
function IsTextOrObject(): PropertyDecorator {
  return ValidateBy({
    name: 'isTextOrObject',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' && value.length >= 1 && value.length <= 10_000) ||
        (typeof value === 'object' && value !== null && !Array.isArray(value)),
      defaultMessage: () => 'result must be text (1 to 10000 characters) or a JSON object',
    },
  });
}

/** The OpenAPI schema of a result: text or an object. */
export const RESULT_SCHEMA = {
  oneOf: [
    { type: 'string', minLength: 1, maxLength: 10_000 },
    { type: 'object', additionalProperties: true },
  ],
};

/** `POST /v1/requests/:id/complete` (performing operators). */
export class CompleteDto {
  @ApiPropertyOptional({
    ...RESULT_SCHEMA,
    description: 'What was done: text, or a JSON object; returned as given',
    example: { replicaHost: 'db-prod-01-ro.internal' },
  })
  @IsOptional()
  @IsTextOrObject()
  result?: RequestResult;
}

/** `POST /v1/requests/:id/comments` (any party of the request). */
export class CommentDto {
  @ApiProperty({
    example: 'The replica is reachable from the reporting VLAN only.',
    maxLength: 4000,
  })
  @IsString()
  @Length(1, 4000)
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Provider only: never shown to customers' })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}
