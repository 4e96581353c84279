import { ApiProperty } from '@nestjs/swagger';
import { IssuedToken, ListedToken } from '@app/parties';

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

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user who minted it; null when the bootstrap ADMIN_TOKEN did',
  })
  issuedBy!: string | null;

  @ApiProperty({
    example: true,
    description:
      'Its owner minted it while signed in (a session or the identity provider’s token): it may ' +
      'decide. A token an admin minted for someone, or one minted with another token, may read, ' +
      'submit, comment and work, but not decide (CREDENTIAL_NOT_PERSONAL)',
  })
  personal!: boolean;

  static from({ id, token, prefix, createdAt, issuedBy, personal }: IssuedToken): TokenResponse {
    return { id, token, prefix, createdAt, issuedBy, personal };
  }
}

/** A token as `GET /v1/tokens` lists it: what tells it apart, never the token itself. */
export class TokenSummaryResponse {
  @ApiProperty({ format: 'uuid', example: '9a1d3c5e-7b2f-4e60-8c4d-1f2e3a4b5c6d' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'Its owner' })
  userId!: string;

  @ApiProperty({ example: 'raci_Jx3l0kq', description: 'Its first 12 characters' })
  prefix!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Its last use, to the minute; null if never used',
  })
  lastUsedAt!: Date | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was revoked; null while it works (tokens do not expire)',
  })
  revokedAt!: Date | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user who minted it; null when the bootstrap ADMIN_TOKEN did',
  })
  issuedBy!: string | null;

  @ApiProperty({
    example: true,
    description: 'Its owner minted it while signed in: it may decide',
  })
  personal!: boolean;

  static from(token: ListedToken): TokenSummaryResponse {
    const { id, userId, prefix, createdAt, lastUsedAt, revokedAt, issuedBy, personal } = token;
    return { id, userId, prefix, createdAt, lastUsedAt, revokedAt, issuedBy, personal };
  }
}

/** `GET /v1/tokens`. */
export class TokenListResponse {
  @ApiProperty({ type: [TokenSummaryResponse], description: 'Newest first' })
  items!: TokenSummaryResponse[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
