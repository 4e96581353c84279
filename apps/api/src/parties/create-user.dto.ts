import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { CreateUserInput, Role, UserKind } from '@app/parties';
import { Trim } from './trim.transform';

/** Body of `POST /v1/organizations/:id/users`. */
export class CreateUserDto implements CreateUserInput {
  @ApiProperty({ example: 'ada@globex.example', description: 'Unique; stored lower-case' })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    enum: Role,
    isArray: true,
    example: [Role.Requester, Role.Approver],
    description: '`admin` manages users and tokens; it grants no RACI power',
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({
    enum: UserKind,
    example: UserKind.Person,
    description:
      '`person` unless given. A `service` account (a machine) never signs in for a session and ' +
      'cannot hold `approver` or `consultant` (SERVICE_ACCOUNT_CANNOT_DECIDE)',
  })
  @IsOptional()
  @IsEnum(UserKind)
  kind?: UserKind;

  @ApiPropertyOptional({
    example: '248289761001',
    maxLength: 255,
    description:
      "The identity provider's `sub` this user signs in as (a person), or a service client's id " +
      '(a machine calling with client-credentials tokens). Unique (OIDC_SUBJECT_TAKEN). A person ' +
      'without one is linked at first sign-in by their verified email.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 255)
  oidcSubject?: string;
}
