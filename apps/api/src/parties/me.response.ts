import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Role, Whoami } from '@app/parties';
import { AuthenticationResponse } from './authentication.response';
import { OrganizationResponse } from './organization.response';

class MyOrganization extends PickType(OrganizationResponse, [
  'id',
  'name',
  'kind',
  'subscription',
  'locale',
] as const) {}

/** The caller of `GET /v1/me`. */
export class MeResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for the ADMIN_TOKEN admin',
  })
  id!: string | null;

  @ApiProperty({ type: String, example: 'ada@globex.example', nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, example: 'Ada Lovelace', nullable: true })
  name!: string | null;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.Requester] })
  roles!: Role[];

  @ApiProperty({ type: MyOrganization })
  organization!: MyOrganization;

  @ApiProperty({
    type: AuthenticationResponse,
    nullable: true,
    description: 'How this request authenticated',
  })
  authentication!: AuthenticationResponse | null;

  @ApiPropertyOptional({
    example: 'q0Jx4vYp9mT2bC7kR1sW8eN5aH3gL6dF0uZ2iO4yX1c',
    description:
      'Only under a session cookie: what state-changing calls made with it must send as `X-CSRF-Token`',
  })
  csrfToken?: string;

  static from({ user, principal, organization }: Whoami, csrfToken?: string): MeResponse {
    const { id, name, kind, subscription, locale } = OrganizationResponse.from(organization);
    return {
      id: principal.userId,
      email: principal.email,
      name: user?.name ?? null,
      roles: [...principal.roles],
      organization: { id, name, kind, subscription, locale },
      authentication: principal.credential
        ? AuthenticationResponse.from(principal.credential)
        : null,
      ...(csrfToken ? { csrfToken } : {}),
    };
  }
}
