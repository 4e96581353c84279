import { ApiProperty } from '@nestjs/swagger';
import { Locale, Organization, OrganizationKind } from '@app/parties';
import { SubscriptionDto } from './create-organization.dto';

/** An organization as the API shows it. */
export class OrganizationResponse {
  @ApiProperty({ format: 'uuid', example: '0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10' })
  id!: string;

  @ApiProperty({ example: 'Globex Corporation' })
  name!: string;

  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.Customer })
  kind!: OrganizationKind;

  @ApiProperty({ type: SubscriptionDto, nullable: true, description: 'null for the provider' })
  subscription!: SubscriptionDto | null;

  @ApiProperty({ example: ['cloud-team@globex.example'] })
  contactEmails!: string[];

  @ApiProperty({ enum: Locale, example: Locale.En })
  locale!: Locale;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  static from(organization: Organization): OrganizationResponse {
    return {
      id: organization.id,
      name: organization.name,
      kind: organization.kind,
      subscription: organization.plan
        ? { plan: organization.plan, onDemand: organization.onDemand }
        : null,
      contactEmails: organization.contactEmails,
      locale: organization.locale,
      createdAt: organization.createdAt,
    };
  }
}

export class OrganizationListResponse {
  @ApiProperty({ type: [OrganizationResponse], description: 'Oldest first' })
  items!: OrganizationResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
