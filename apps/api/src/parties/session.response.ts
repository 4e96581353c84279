import { ApiProperty } from '@nestjs/swagger';
import { AuthMethod, Session } from '@app/parties';

/** One live session of the caller, as `GET /v1/me/sessions` lists it. */
export class SessionResponse {
  @ApiProperty({ format: 'uuid', example: '5d2c7e1a-3b4f-4a6e-9c8d-0e1f2a3b4c5d' })
  id!: string;

  @ApiProperty({ enum: AuthMethod, example: AuthMethod.EmailLink })
  method!: AuthMethod;

  @ApiProperty({ type: String, nullable: true, example: null })
  acr!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'The sign-in' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Last use, to the minute' })
  lastSeenAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'The end at the latest' })
  expiresAt!: Date;

  @ApiProperty({ type: String, nullable: true, example: 'Mozilla/5.0 (X11; Linux x86_64)' })
  userAgent!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;

  @ApiProperty({ description: 'Whether this request came with this session' })
  current!: boolean;

  static from(session: Session, currentId: string | null): SessionResponse {
    return {
      id: session.id,
      method: session.method as AuthMethod,
      acr: session.acr,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      userAgent: session.userAgent,
      ip: session.ip,
      current: session.id === currentId,
    };
  }
}

/** `GET /v1/me/sessions`. */
export class SessionListResponse {
  @ApiProperty({ type: SessionResponse, isArray: true })
  items!: SessionResponse[];
}
