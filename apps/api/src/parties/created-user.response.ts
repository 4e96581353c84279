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
    description:
      'The bearer token; shown only now, keep it. An admin minted it: it reads, submits, comments ' +
      'and works, but does not decide (CREDENTIAL_NOT_PERSONAL); the person decides signed in',
  })
  token!: string;

  static fromCreated({ user, token }: { user: User; token: IssuedToken }): CreatedUserResponse {
    const { id, email, name, roles, kind, organizationId, oidcSubject } = UserResponse.from(user);
    return { id, email, name, roles, kind, organizationId, oidcSubject, token: token.token };
  }
}
