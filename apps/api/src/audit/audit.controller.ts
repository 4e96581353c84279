import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { AccessPolicy, PartiesErrorCode, PartiesException, type Principal } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';

class BrokenEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ example: 3 }) seq!: number;
  @ApiProperty({ example: 'its content does not match its hash (the entry was edited)' })
  problem!: string;
}

class AuditVerificationResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Entries checked before the first broken one' }) checked!: number;
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
    summary: "Admins: re-check every history chain (the provider's: all; a customer's: its own)",
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
