import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { RequestState } from '@app/core';

/** Cursor pagination shared by the request lists. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
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

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Provider staff only; a customer always sees its own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
