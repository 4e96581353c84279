import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../parties/trim.transform';

/** Body of `POST /auth/email-link`. */
export class EmailLinkRequestDto {
  @ApiProperty({ example: 'ada@globex.example', maxLength: 320, description: 'Any case' })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({
    example: '/requests/3f0c9d2e-8f1a-4c55-9d7e-2b1e0c4a6f10',
    maxLength: 512,
    description:
      'Where to go once signed in: a path of this engine (one leading "/"); default "/". Anything else is `400 RETURN_TO_INVALID`.',
  })
  @IsOptional()
  @IsString()
  returnTo?: string;
}

/** The one answer of `POST /auth/email-link`, whatever the address. */
export class EmailLinkRequestedResponse {
  @ApiProperty({
    example:
      'If this address belongs to an active user, a sign-in link is on its way. It works once, for 15 minutes.',
  })
  message!: string;
}
