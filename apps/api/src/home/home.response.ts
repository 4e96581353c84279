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

/** `GET /`: what answers here and where to go next. */
export class HomeResponse {
  @ApiProperty({ example: 'raci-engine' })
  name!: string;

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ type: HomeLinks })
  links!: HomeLinks;
}
