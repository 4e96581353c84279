import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../requests/list-requests.query';

/** The query of `GET /v1/tokens`: whose tokens (the caller's when absent), and the page. */
export class ListTokensQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Another user’s tokens: for an admin of their organization or a provider admin. The caller’s own when absent',
  })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
