import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { Locale, UpdateOrganizationInput } from '@app/parties';
import { SubscriptionDto } from './create-organization.dto';
import { Trim } from './trim.transform';

/** Body of `PATCH /v1/organizations/:id`: only the fields given change. */
export class UpdateOrganizationDto implements UpdateOrganizationInput {
  @ApiPropertyOptional({ example: 'Globex Corporation', minLength: 1, maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: ['cloud-team@globex.example'], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  contactEmails?: string[];

  @ApiPropertyOptional({ enum: Locale, description: 'Language of its mail' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;

  @ApiPropertyOptional({
    type: SubscriptionDto,
    description: 'Provider admins only (403 PROVIDER_ADMIN_REQUIRED otherwise)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionDto)
  subscription?: SubscriptionDto;
}
