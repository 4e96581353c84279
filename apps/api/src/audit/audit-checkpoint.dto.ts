import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { CheckpointClaim } from '@app/audit';
import type { CheckpointLog } from '@app/core';
import { PageQuery } from '../requests/list-requests.query';
import { FromText } from '../http/from-text.decorator';

const LOGS: CheckpointLog[] = ['history', 'admin'];

/** `GET /v1/audit/checkpoints`: newest first, cursor-paginated. */
export class AuditCheckpointsQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One organization; a customer admin’s is always its own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: LOGS, description: 'One log: request histories, or admin changes' })
  @IsOptional()
  @IsIn(LOGS)
  log?: CheckpointLog;
}

/** Body of `POST /v1/audit/checkpoints/verify`: a checkpoint as it was exported. */
export class VerifyCheckpointDto implements CheckpointClaim {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Not checked: the signature covers the rest',
  })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ enum: LOGS })
  @IsIn(LOGS)
  log!: CheckpointLog;

  @ApiProperty({ example: 12, minimum: 1 })
  @FromText(Number)
  @IsInt()
  @Min(1)
  @Max(2 ** 31 - 1)
  seq!: number;

  @ApiProperty({ example: '3f'.repeat(32), pattern: '^[0-9a-f]{64}$' })
  @Matches(/^[0-9a-f]{64}$/)
  root!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  signedAt!: string;

  @ApiProperty({ example: 'kZ3…', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  keyId!: string;

  @ApiProperty({ example: 'Mx0…', maxLength: 128 })
  @IsString()
  @MaxLength(128)
  signature!: string;

  @ApiPropertyOptional({
    maxLength: 1024,
    description: 'Not needed: rebuilt from the fields above, which the signature covers',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  statement?: string;
}
