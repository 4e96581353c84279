import { ApiProperty } from '@nestjs/swagger';
import { IssuedToken, Role, User } from '@app/parties';

/** A new user with its first token, shown this once. */
export class CreatedUserResponse {
  @ApiProperty({ format: 'uuid', example: '5c0e2a8e-8f0c-4a55-9b1e-7d6a3c2b1f00' })
  id!: string;

  @ApiProperty({ example: 'ada@globex.example' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.Requester] })
  roles!: Role[];

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({
    example: 'raci_Jx3l0kq8S2m1bYk2QmF0c3RhcnQtdG9rZW4tZXhhbXBsZQ',
    description: 'The bearer token; shown only now, keep it',
  })
  token!: string;

  static from({ user, token }: { user: User; token: IssuedToken }): CreatedUserResponse {
    const { id, email, name, roles, organizationId } = user;
    return { id, email, name, roles, organizationId, token: token.token };
  }
}
