import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../requests/list-requests.query';

/** `GET /v1/audit/admin-events/verify`: one organization, or every one the caller may read. */
export class AdminEventsScopeQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One organization; a customer admin’s is always its own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

/** `GET /v1/audit/admin-events`: newest first, cursor-paginated as the request lists. */
export class AdminEventsQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One organization; a customer admin’s is always its own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
