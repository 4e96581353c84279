import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AuditCheckpointsService,
  AuditErrorCode,
  CheckpointKeys,
  CheckpointVerifier,
} from '@app/audit';
import {
  AccessPolicy,
  OrganizationsService,
  PartiesErrorCode,
  PartiesException,
} from '@app/parties';
import type { Principal } from '@app/parties';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiResponseHeaders } from '../http/api-response-headers.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AuditCheckpointsQuery, VerifyCheckpointDto } from './audit-checkpoint.dto';
import {
  AuditCheckpointPageResponse,
  CheckpointKeySetResponse,
  CheckpointVerificationResponse,
} from './audit-checkpoint.response';

/**
 * The signed checkpoints of the audit logs: listed for export to admins (a customer admin sees its
 * own organization's, a provider admin every one), their public keys, and the verification of an
 * exported checkpoint against the log today.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditCheckpointsController {
  constructor(
    private readonly checkpoints: AuditCheckpointsService,
    private readonly keys: CheckpointKeys,
    private readonly verifier: CheckpointVerifier,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get('checkpoints')
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.OrganizationNotFound,
    AuditErrorCode.InvalidCursor,
  )
  @ApiOperation({
    summary: 'Admins: the signed checkpoints of the audit logs, newest first',
    description:
      'Every AUDIT_CHECKPOINT_MINUTES the engine signs, for each organization whose request ' +
      'history or admin audit log grew, its sequence and the hash of its last entry (Ed25519). ' +
      'Keep them outside the engine; each item is complete for checking offline.',
  })
  @ApiOkResponse({ type: AuditCheckpointPageResponse })
  @ApiResponseHeaders(200, 'Link')
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, INVALID_CURSOR' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AuditCheckpointsQuery,
  ): Promise<AuditCheckpointPageResponse> {
    const organizationId = await this.scope(principal, query.organizationId);
    const { log, cursor, limit } = query;
    return AuditCheckpointPageResponse.from(
      await this.checkpoints.page({ organizationId, log, cursor, limit }),
    );
  }

  @Get('checkpoint-keys')
  @ApiOperation({
    summary: 'The public keys that check checkpoint signatures (JWK), the current one first',
    description:
      'A checkpoint names its key by keyId, the RFC 7638 thumbprint (kid) of one of these. Keys ' +
      'replaced by a rotation stay here, as previous, while AUDIT_PREVIOUS_SIGNING_KEYS lists them.',
  })
  @ApiOkResponse({ type: CheckpointKeySetResponse })
  publicKeys(): CheckpointKeySetResponse {
    return { keys: this.keys.publicKeys() };
  }

  @Post('checkpoints/verify')
  @HttpCode(HttpStatus.OK)
  @ApiErrors(
    PartiesErrorCode.AdminRequired,
    PartiesErrorCode.OrganizationNotFound,
    AuditErrorCode.CheckpointKeyUnknown,
    AuditErrorCode.CheckpointSignatureInvalid,
  )
  @ApiOperation({
    summary:
      'Admins: does the log still hold all an exported checkpoint sealed? Names what is missing',
    description:
      'Send a checkpoint as it was exported. Its signature is checked first (422 for a forged one ' +
      'or an unknown key); then every entry of its log up to its seq must be there, numbered ' +
      'without a gap, linked to the one before, intact, the last one hashing to its root. The ' +
      'first that is not is named: deleted_before_checkpoint, log_link_broken, entry_altered or ' +
      'root_mismatch.',
  })
  @ApiOkResponse({ type: CheckpointVerificationResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  async verify(
    @CurrentPrincipal() principal: Principal,
    @Body() body: VerifyCheckpointDto,
  ): Promise<CheckpointVerificationResponse> {
    await this.scope(principal, body.organizationId);
    return this.verifier.verify(body);
  }

  /** The organization to read (undefined: every one, for provider admins only). */
  private async scope(principal: Principal, organizationId?: string): Promise<string | undefined> {
    if (!AccessPolicy.isAdmin(principal))
      throw new PartiesException(PartiesErrorCode.AdminRequired);
    if (organizationId) return (await this.organizations.get(principal, organizationId)).id;
    return AccessPolicy.isProvider(principal) ? undefined : principal.organizationId;
  }
}
