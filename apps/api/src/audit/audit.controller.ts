import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AUDIT_PROBLEM_KINDS, type AuditProblemKind, AuditService } from '@app/audit';
import { AccessPolicy, PartiesErrorCode, PartiesException, type Principal } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AUDIT_PROBLEM_KIND_DESCRIPTION } from './audit-problem-kind.description';

class BrokenEntryResponse {
  @ApiProperty({
    format: 'uuid',
    description:
      'The entry; the request where none is left to name; the organization for a log without entries',
  })
  id!: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    example: 3,
    description: 'Place in the request’s history; in the organization’s log for `log_*` kinds',
  })
  seq!: number;
  @ApiProperty({ enum: AUDIT_PROBLEM_KINDS, description: AUDIT_PROBLEM_KIND_DESCRIPTION })
  kind!: AuditProblemKind;
  @ApiProperty({ example: 'its content does not match its MAC (the entry was edited)' })
  problem!: string;
}

class AuditVerificationResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Entries checked before the first problem' }) checked!: number;
  @ApiPropertyOptional({ type: BrokenEntryResponse }) firstBroken?: BrokenEntryResponse;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @ApiErrors(PartiesErrorCode.AdminRequired)
  @ApiOperation({
    summary:
      "Admins: re-check every request's history against its row, and each organization's log " +
      "(the provider's: all; a customer's: its own)",
  })
  @ApiOkResponse({ type: AuditVerificationResponse })
  verify(@CurrentPrincipal() principal: Principal) {
    if (!AccessPolicy.isAdmin(principal))
      throw new PartiesException(PartiesErrorCode.AdminRequired);
    return this.audit.verify(
      AccessPolicy.isProvider(principal) ? undefined : principal.organizationId,
    );
  }
}
