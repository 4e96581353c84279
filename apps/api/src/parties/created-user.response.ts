import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IssuedToken, User } from '@app/parties';
import { UserResponse } from './user.response';

/** A new user with its first token, shown this once. */
export class CreatedUserResponse extends OmitType(UserResponse, [
  'createdAt',
  'active',
  'deactivatedAt',
] as const) {
  @ApiProperty({
    example: 'raci_Jx3l0kq8S2m1bYk2QmF0c3RhcnQtdG9rZW4tZXhhbXBsZQ',
    description: 'The bearer token; shown only now, keep it',
  })
  token!: string;

  static fromCreated({ user, token }: { user: User; token: IssuedToken }): CreatedUserResponse {
    const { id, email, name, roles, organizationId, oidcSubject } = UserResponse.from(user);
    return { id, email, name, roles, organizationId, oidcSubject, token: token.token };
  }
}
