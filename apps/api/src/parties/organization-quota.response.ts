import { ApiProperty } from '@nestjs/swagger';
import type { QuotaUsage } from '@app/requests';

class QuotaPeriodResponse {
  @ApiProperty({ example: 12 }) months!: number;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) end!: string;
}

/** One quota of the catalog, as it stands for an organization in its current period. */
export class QuotaUsageResponse {
  @ApiProperty({ example: 'data-masking.pdm-masking-plan-creation-and-execution' }) action!: string;
  @ApiProperty({ example: 'anonymization-treatment' }) unit!: string;
  @ApiProperty({ example: 10, description: 'Included per period' }) included!: number;
  @ApiProperty({ example: 1, description: 'Extra packages bought for the period' })
  packages!: number;
  @ApiProperty({ example: 10 }) packageSize!: number;
  @ApiProperty({ example: 20, description: 'included + packages × packageSize' }) allowed!: number;
  @ApiProperty({
    example: 3,
    description: 'Requests counted (rejected and cancelled ones are not)',
  })
  used!: number;
  @ApiProperty({ example: 17 }) remaining!: number;
  @ApiProperty({ type: QuotaPeriodResponse }) period!: QuotaPeriodResponse;
}

/** `GET /v1/organizations/:id/quota`. */
export class OrganizationQuotaResponse {
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: [QuotaUsageResponse] }) items!: QuotaUsageResponse[];

  static from(organizationId: string, usages: QuotaUsage[]): OrganizationQuotaResponse {
    return {
      organizationId,
      items: usages.map(({ periodMonths, periodStart, periodEnd, ...usage }) => ({
        ...usage,
        period: {
          months: periodMonths,
          start: periodStart.toISOString(),
          end: periodEnd.toISOString(),
        },
      })),
    };
  }
}
