import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Body of `POST /v1/catalog/changes`: one product's new file. */
export class CatalogChangeDto {
  @ApiProperty({ example: 'object-storage', description: 'The product whose file changes' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'product must be a product key' })
  product!: string;

  @ApiProperty({
    example: 'product: object-storage\ntitle: "Object Storage"\nactions: …',
    description:
      "The product's whole new YAML file, as `config/raci/<product>.yaml` holds it; the whole body stays under 64 kB",
    maxLength: 65_536,
  })
  @IsString()
  @Length(1, 65_536)
  yaml!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the new version comes into force once approved; at once if absent',
  })
  @IsOptional()
  @IsDateString()
  effectiveAt?: string;

  @ApiProperty({ example: 'Customers now decide their buckets.', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
