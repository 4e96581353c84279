import { ApiProperty } from '@nestjs/swagger';
import { AuthMethod, Credential } from '@app/parties';

/** How the caller of this request authenticated, as `GET /v1/me` shows it. */
export class AuthenticationResponse {
  @ApiProperty({ enum: AuthMethod, example: AuthMethod.EmailLink })
  method!: AuthMethod;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: "The identity provider's `acr` of the sign-in, if one took part",
  })
  acr!: string | null;

  @ApiProperty({
    type: String,
    isArray: true,
    example: [],
    description: "The identity provider's `amr` of the sign-in (`pwd`, `otp`, `mfa`…)",
  })
  amr!: string[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the person last authenticated, as far as the engine knows',
  })
  authTime!: string | null;

  static from(credential: Credential): AuthenticationResponse {
    const { method, acr, amr, authTime } = credential;
    return { method, acr, amr: [...amr], authTime };
  }
}
