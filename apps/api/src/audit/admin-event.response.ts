import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AdminAction,
  AdminEvent,
  AdminEventPage,
  AUDIT_PROBLEM_KINDS,
  type AuditProblemKind,
} from '@app/audit';
import { AUDIT_PROBLEM_KIND_DESCRIPTION } from './audit-problem-kind.description';

/** One entry of the admin audit log. */
export class AdminEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The organization the change concerns' })
  organizationId!: string;
  @ApiProperty({ example: 4, description: 'Position in the organization’s chain, from 1' })
  seq!: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for the bootstrap admin',
  })
  actorId!: string | null;
  @ApiProperty({ format: 'uuid' }) actorOrganizationId!: string;
  @ApiProperty({ enum: AdminAction, example: AdminAction.UserUpdated }) action!: string;
  @ApiProperty({ enum: ['organization', 'user', 'token', 'webhook', 'delegation'] })
  subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({
    example: { active: { from: true, to: false } },
    description:
      'Each changed field, from and to; token hashes and webhook secrets are "[redacted]"',
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
  })
  changes!: Record<string, { from: unknown; to: unknown }>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    example: 'a3f…',
    description: 'HMAC-SHA-256, under the engine’s audit key, of the entry and the previous hash',
  })
  hash!: string;
  @ApiProperty() prevHash!: string;

  static from({ keyId: _key, ...event }: AdminEvent): AdminEventResponse {
    return {
      ...event,
      changes: JSON.parse(event.changes) as AdminEventResponse['changes'],
      createdAt: new Date(event.createdAt).toISOString(),
    };
  }
}

export class AdminEventPageResponse {
  @ApiProperty({ type: [AdminEventResponse] }) items!: AdminEventResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;

  static from(page: AdminEventPage): AdminEventPageResponse {
    return {
      items: page.items.map((e) => AdminEventResponse.from(e)),
      nextCursor: page.nextCursor,
    };
  }
}

class BrokenAdminEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ example: 3 }) seq!: number;
  @ApiProperty({ enum: AUDIT_PROBLEM_KINDS, description: AUDIT_PROBLEM_KIND_DESCRIPTION })
  kind!: AuditProblemKind;
  @ApiProperty({ example: 'its content does not match its MAC (the entry was edited)' })
  problem!: string;
}

export class AdminAuditVerificationResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Entries checked before the first broken one' }) checked!: number;
  @ApiPropertyOptional({ type: BrokenAdminEventResponse }) firstBroken?: BrokenAdminEventResponse;
}
