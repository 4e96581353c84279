import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
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
    description: 'Replaces the roles; nobody adds a role to themselves (OWN_ROLES_ESCALATION)',
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
}
