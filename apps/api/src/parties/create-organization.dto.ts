import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { Plan } from '@app/catalog';
import { CreateOrganizationInput, Locale, Subscription } from '@app/parties';
import { Trim } from './trim.transform';

export class SubscriptionDto implements Subscription {
  @ApiProperty({ enum: Plan, example: Plan.OnRequest })
  @IsEnum(Plan)
  plan!: Plan;

  @ApiProperty({
    example: false,
    description: 'The on-demand option: the provider performs some actions on request',
  })
  @IsBoolean()
  onDemand!: boolean;
}

/** Body of `POST /v1/organizations`: a new customer organization. */
export class CreateOrganizationDto implements CreateOrganizationInput {
  @ApiProperty({ example: 'Globex Corporation', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: SubscriptionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionDto)
  subscription!: SubscriptionDto;

  @ApiProperty({
    example: ['cloud-team@globex.example'],
    maxItems: 20,
    description: 'Who is told (the Informed party) about this organization’s requests',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  contactEmails!: string[];

  @ApiPropertyOptional({ enum: Locale, default: Locale.En, description: 'Language of its mail' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;
}
