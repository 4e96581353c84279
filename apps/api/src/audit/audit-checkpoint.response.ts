import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CheckpointBreak, type CheckpointPage, type PublishedCheckpointKey } from '@app/audit';
import type { CheckpointLog } from '@app/core';

/** A signed checkpoint, as exported: keep it outside the engine, and verify against it later. */
export class AuditCheckpointResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({
    enum: ['history', 'admin'],
    description: 'history: every entry of the organization’s requests; admin: its admin changes',
  })
  log!: CheckpointLog;
  @ApiProperty({ example: 42, description: 'The last entry of the log the checkpoint covers' })
  seq!: number;
  @ApiProperty({ example: 'a3f…', description: 'The hash of that entry' })
  root!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint of the key (GET /v1/audit/checkpoint-keys)' })
  keyId!: string;
  @ApiProperty({ description: 'Ed25519 over the UTF-8 bytes of statement, base64url' })
  signature!: string;
  @ApiProperty({
    example:
      '{"v":1,"organizationId":"…","log":"admin","seq":42,"root":"a3f…","signedAt":"2026-…Z"}',
    description: 'The signed text: JSON of v, organizationId, log, seq, root, signedAt in order',
  })
  statement!: string;
}

export class AuditCheckpointPageResponse {
  @ApiProperty({ type: [AuditCheckpointResponse], description: 'Newest first' })
  items!: AuditCheckpointResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;

  static from(page: CheckpointPage): AuditCheckpointPageResponse {
    return { items: page.items, nextCursor: page.nextCursor };
  }
}

/** A public key of the checkpoints, as a JWK (RFC 8037). */
export class CheckpointKeyResponse {
  @ApiProperty({ enum: ['OKP'] }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv!: 'Ed25519';
  @ApiProperty({ description: 'The public key, base64url' }) x!: string;
  @ApiProperty({ description: 'Its RFC 7638 thumbprint: the keyId of what it signed' })
  kid!: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg!: 'EdDSA';
  @ApiProperty({ enum: ['sig'] }) use!: 'sig';
  @ApiProperty({
    enum: ['current', 'previous'],
    description: 'current signs new checkpoints; previous only checks older ones',
  })
  status!: PublishedCheckpointKey['status'];
}

export class CheckpointKeySetResponse {
  @ApiProperty({ type: [CheckpointKeyResponse], description: 'The current key first' })
  keys!: CheckpointKeyResponse[];
}

class CheckpointBreakResponse {
  @ApiProperty({ enum: CheckpointBreak, example: CheckpointBreak.DeletedBeforeCheckpoint })
  kind!: CheckpointBreak;
  @ApiProperty({ example: 7, description: 'The place in the log where it breaks' })
  seq!: number;
  @ApiProperty({ example: 'entry 7 is missing: the log goes on at 8' })
  problem!: string;
}

export class CheckpointVerificationResponse {
  @ApiProperty({ description: 'The log still holds, intact, all the checkpoint sealed' })
  ok!: boolean;
  @ApiProperty({ description: 'Entries that held, before the first that did not' })
  checked!: number;
  @ApiPropertyOptional({ type: CheckpointBreakResponse })
  firstBroken?: CheckpointBreakResponse;
}
