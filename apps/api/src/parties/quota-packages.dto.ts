import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** `PUT /v1/organizations/:id/quota-packages`: extra packages bought for the current period. */
export class QuotaPackagesDto {
  @ApiProperty({ example: 'anonymization-treatment', description: 'A quota unit of the catalog' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'unit must be a kebab-case quota unit' })
  unit!: string;

  @ApiProperty({
    example: 1,
    minimum: 0,
    maximum: 1000,
    description: 'Packages bought (each adds the unit’s package size)',
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  packages!: number;
}

/** The quota packages of an organization. */
export class QuotaPackagesResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    example: { 'anonymization-treatment': 1 },
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  quotaPackages!: Record<string, number>;
}
