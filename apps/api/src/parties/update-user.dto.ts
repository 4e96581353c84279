import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  ValidateIf,
} from 'class-validator';
import { Role, UpdateUserInput } from '@app/parties';
import { Trim } from './trim.transform';

/** Body of `PATCH /v1/users/:id`: only the fields given change. */
export class UpdateUserDto implements UpdateUserInput {
  @ApiPropertyOptional({ example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    enum: Role,
    isArray: true,
    example: [Role.Requester],
    description:
      'Replaces the roles; nobody adds a role to themselves (OWN_ROLES_ESCALATION), and a service ' +
      'account holds no role that decides (SERVICE_ACCOUNT_CANNOT_DECIDE)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({
    example: false,
    description:
      'false deactivates: its tokens stop working at once and it gets no more mail; the last active admin cannot be (LAST_ACTIVE_ADMIN)',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '248289761001',
    maxLength: 255,
    description:
      "The identity provider's `sub` this user signs in as, or a service client's id; unique " +
      '(OIDC_SUBJECT_TAKEN). null unlinks it: the person is linked again at their next sign-in ' +
      'by verified email.',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 255)
  oidcSubject?: string | null;
}
