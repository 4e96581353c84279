import { PartialType } from '@nestjs/swagger';
import { UpdateOrganizationInput } from '@app/parties';
import { CreateOrganizationDto } from './create-organization.dto';

/**
 * Body of `PATCH /v1/organizations/:id`: the fields of the creation, each optional; only those given
 * change. The subscription is for provider admins only (403 PROVIDER_ADMIN_REQUIRED otherwise).
 */
export class UpdateOrganizationDto
  extends PartialType(CreateOrganizationDto)
  implements UpdateOrganizationInput {}
