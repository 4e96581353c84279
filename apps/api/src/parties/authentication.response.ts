import { ApiProperty } from '@nestjs/swagger';
import { AuthMethod, Credential, CredentialKind } from '@app/parties';

/** How the caller of this request authenticated, as `GET /v1/me` shows it. */
export class AuthenticationResponse {
  @ApiProperty({ enum: CredentialKind, example: CredentialKind.Session })
  kind!: CredentialKind;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The token's or session's id; the JWT's `jti`",
  })
  id!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '5c0e2a8e-8f0c-4a55-9b1e-7d6a3c2b1f00',
    description:
      'Who issued the credential: for an engine token the id of the user who minted it ' +
      '(`admin_token` when the bootstrap token did, `unknown` for tokens older than this record); ' +
      "for a session the person's own user id; for an identity provider's token its `iss`; null " +
      'for ADMIN_TOKEN itself',
  })
  issuer!: string | null;

  @ApiProperty({
    example: true,
    description:
      'Whether you obtained it yourself (your sign-in, a token you minted signed in, the identity ' +
      "provider's token): only such a credential decides (CREDENTIAL_NOT_PERSONAL otherwise)",
  })
  personal!: boolean;

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
    const { kind, id, issuer, personal, method, acr, amr, authTime } = credential;
    return { kind, id, issuer, personal, method, acr, amr: [...amr], authTime };
  }
}
