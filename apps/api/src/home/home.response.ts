import { ApiProperty } from '@nestjs/swagger';

/** Where to go from `/`, as absolute URLs under `PUBLIC_URL`. */
export class HomeLinks {
  @ApiProperty({ example: 'http://localhost:3000/docs', description: 'The OpenAPI page' })
  docs!: string;

  @ApiProperty({ example: 'http://localhost:3000/docs/openapi.json' })
  openapi!: string;

  @ApiProperty({ example: 'http://localhost:3000/health', description: 'Database and Redis' })
  health!: string;

  @ApiProperty({ example: 'http://localhost:3000/', description: 'The web console (browsers)' })
  console!: string;
}

/** How people sign in to the console here. */
export class HomeSignIn {
  @ApiProperty({
    example: 'http://localhost:3000/auth/email-link',
    description: 'POST an email address here to receive a sign-in link',
  })
  emailLink!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'http://localhost:3000/auth/login',
    description: 'Single sign-on (add `?returnTo=/path`); null when OIDC_ISSUER is not set',
  })
  sso!: string | null;
}

/** `GET /`: what answers here and where to go next. */
export class HomeResponse {
  @ApiProperty({ example: 'raci-engine' })
  name!: string;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ type: HomeLinks })
  links!: HomeLinks;

  @ApiProperty({ type: HomeSignIn })
  signIn!: HomeSignIn;
}
