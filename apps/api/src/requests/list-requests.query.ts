import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { RequestState } from '@app/core';
import { FromText } from '../http/from-text.decorator';

/** The dates a filter may name: years 1 to 9999, which every supported database can compare. */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z');
const LATEST = new Date('9999-12-31T23:59:59.999Z');

/** A date-time filter: one clear message whether the text is no date or a date out of range. */
function IsFilterDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isFilterDate',
    validator: {
      validate: (value) => value instanceof Date && value >= EARLIEST && value <= LATEST,
      defaultMessage: () => '$property must be an ISO 8601 date-time in the years 1 to 9999',
    },
  });
}

/** Cursor pagination shared by the request lists. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @FromText(Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Filters of `GET /v1/requests`. */
export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RequestState })
  @IsOptional()
  @IsEnum(RequestState)
  state?: RequestState;

  @ApiPropertyOptional({ example: 'object-storage.create-bucket' })
  @IsOptional()
  @IsString()
  @Length(3, 128)
  action?: string;

  @ApiPropertyOptional({ example: 'mariadb' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  product?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Provider staff only; a customer always sees its own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user who submitted the request' })
  @IsOptional()
  @IsUUID()
  submittedBy?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @FromText(Date)
  @IsFilterDate()
  createdAfter?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional()
  @FromText(Date)
  @IsFilterDate()
  createdBefore?: Date;
}

/** Filters of `GET /v1/requests/export`: those of the list, without its paging. */
export class ExportRequestsQuery extends OmitType(ListRequestsQuery, [
  'cursor',
  'limit',
] as const) {}
