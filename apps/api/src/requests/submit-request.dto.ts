import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

/** Body of `POST /v1/requests` and `POST /v1/requests/preview`. */
export class SubmitRequestDto {
  @ApiProperty({
    example: 'mariadb.add-read-only-replica',
    description: 'A requestable catalog action key',
  })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'action must be a catalog action key',
  })
  @Length(3, 128)
  action!: string;

  @ApiProperty({
    example: { instance: 'db-prod-01', replicaName: 'db-prod-01-ro' },
    description: "Parameters matching the action's paramsSchema (GET /v1/catalog/actions/:key)",
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  params!: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The customer organization; required for provider staff',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    example: 'Needed before the reporting launch on Monday.',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}
