import { ApiProperty } from '@nestjs/swagger';
import { Role, User, UserKind } from '@app/parties';

/** A user as the API shows it. */
export class UserResponse {
  @ApiProperty({ format: 'uuid', example: '5c0e2a8e-8f0c-4a55-9b1e-7d6a3c2b1f00' })
  id!: string;

  @ApiProperty({ example: 'ada@globex.example' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.Requester] })
  roles!: Role[];

  @ApiProperty({
    enum: UserKind,
    example: UserKind.Person,
    description:
      'A `person`, or a `service` account: it never signs in for a session and holds no role that decides',
  })
  kind!: UserKind;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The identity provider's subject (or service client id) this user signs in as",
  })
  oidcSubject!: string | null;

  @ApiProperty({ description: 'false once deactivated: no token works, no mail is sent' })
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deactivatedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  static from(user: User): UserResponse {
    const {
      id,
      email,
      name,
      roles,
      kind,
      organizationId,
      oidcSubject,
      active,
      deactivatedAt,
      createdAt,
    } = user;
    return {
      id,
      email,
      name,
      roles,
      kind: kind ?? UserKind.Person,
      organizationId,
      oidcSubject: oidcSubject ?? null,
      active,
      deactivatedAt,
      createdAt,
    };
  }
}

export class UserListResponse {
  @ApiProperty({ type: [UserResponse], description: 'Oldest first' })
  items!: UserResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
