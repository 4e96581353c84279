import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';
import { Plan } from '@app/catalog';

/** Filters of `GET /v1/catalog/actions`. */
export class ListActionsQuery {
  @ApiPropertyOptional({ example: 'object-storage', description: 'Product key' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'product must be a kebab-case product key' })
  product?: string;

  @ApiPropertyOptional({ enum: Plan, description: 'Only actions requestable under this plan' })
  @IsOptional()
  @IsEnum(Plan)
  plan?: Plan;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: requestable actions; false: standing responsibilities',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  requestable?: boolean;
}
