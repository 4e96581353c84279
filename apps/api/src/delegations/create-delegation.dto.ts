import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateBy } from 'class-validator';
import { Trim } from '../parties/trim.transform';

/** A moment of a window: an ISO 8601 date-time in the years 1 to 9999, as every database stores. */
function IsWindowDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isWindowDate',
    validator: {
      validate: (value) => {
        const at = typeof value === 'string' ? Date.parse(value) : NaN;
        return (
          at >= Date.parse('0001-01-01T00:00:00.000Z') &&
          at <= Date.parse('9999-12-31T23:59:59.999Z')
        );
      },
      defaultMessage: () => '$property must be an ISO 8601 date-time in the years 1 to 9999',
    },
  });
}

/** Body of `POST /v1/delegations`. */
export class CreateDelegationDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active person of the delegator’s organization, other than the delegator',
  })
  @IsUUID()
  delegateId!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-21T08:00:00Z',
    description: 'When the delegate may start to decide; a moment passed starts it at once',
  })
  @IsISO8601({ strict: true })
  @IsWindowDate()
  startsAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2027-01-04T08:00:00Z',
    description: 'When it ends: after `startsAt`, and not passed',
  })
  @IsISO8601({ strict: true })
  @IsWindowDate()
  endsAt!: string;

  @ApiProperty({ example: 'Holidays', minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Admins only: the user of their organization whose decisions are delegated, when that user ' +
      'cannot set it themselves (recorded in the admin audit log). The caller when absent',
  })
  @IsOptional()
  @IsUUID()
  delegatorId?: string;
}
