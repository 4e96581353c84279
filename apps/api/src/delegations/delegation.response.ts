import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@app/parties';
import type { DelegationView } from '@app/requests';

/** A delegation: who decides for whom, with which roles, for which window. */
export class DelegationResponse implements DelegationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The organization of both people' })
  organizationId!: string;
  @ApiProperty({ format: 'uuid', description: 'Whose decisions are delegated' })
  delegatorId!: string;
  @ApiProperty({ format: 'uuid', description: 'Who may take them during the window' })
  delegateId!: string;
  @ApiProperty({
    enum: [Role.Approver, Role.Consultant],
    isArray: true,
    description: 'The delegator’s decision roles the delegation carries',
  })
  roles!: Role[];
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: 'Holidays' }) reason!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who set it: the delegator, or an admin of their organization (null: ADMIN_TOKEN)',
  })
  createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was ended early; null otherwise',
  })
  endedAt!: string | null;
}

export class DelegationListResponse {
  @ApiProperty({ type: [DelegationResponse] }) items!: DelegationResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'The next page, if any' })
  nextCursor!: string | null;
}
