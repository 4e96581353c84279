import { ApiProperty } from '@nestjs/swagger';
import { IssuedToken } from '@app/parties';

/** A new token, shown this once; afterwards only its prefix identifies it. */
export class TokenResponse {
  @ApiProperty({ format: 'uuid', example: '9a1d3c5e-7b2f-4e60-8c4d-1f2e3a4b5c6d' })
  id!: string;

  @ApiProperty({
    example: 'raci_Jx3l0kq8S2m1bYk2QmF0c3RhcnQtdG9rZW4tZXhhbXBsZQ',
    description: 'The bearer token; shown only now, keep it',
  })
  token!: string;

  @ApiProperty({ example: 'raci_Jx3l0kq', description: 'Its first 12 characters' })
  prefix!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  static from({ id, token, prefix, createdAt }: IssuedToken): TokenResponse {
    return { id, token, prefix, createdAt };
  }
}
