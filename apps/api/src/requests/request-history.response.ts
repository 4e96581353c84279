import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Party } from '@app/catalog';
import { RequestState } from '@app/core';

/** A request's story as the API tells it: its history entries and its comments, a page at a time. */
export class EntryAuthenticationResponse {
  @ApiProperty({
    enum: ['api_token', 'admin_token', 'session', 'idp_token', 'decision_link'],
    description: 'The credential the entry was made with',
  })
  kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The token's, session's or link's id; the JWT's jti",
  })
  id!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '5c0e2a8e-8f0c-4a55-9b1e-7d6a3c2b1f00',
    description:
      'Who issued the credential: for an engine token the id of the user who minted it ' +
      '(`admin_token` when the bootstrap token did, `unknown` for tokens older than this record); ' +
      "for a session the person's own user id; for an identity provider's token its `iss`; " +
      '`engine` for a decision link. Absent from entries recorded before it was kept',
  })
  issuer?: string | null;
  @ApiProperty({
    enum: ['api_token', 'oidc', 'email_link', 'idp_token', 'decision_link'],
    description: 'How the person proved who they are',
  })
  method!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'urn:raci:loa:mfa',
    description: "The identity provider's authentication context class",
  })
  acr!: string | null;
  @ApiProperty({ type: [String], example: ['pwd', 'otp'], description: 'Authentication methods' })
  amr!: string[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the person last authenticated, where known',
  })
  authTime!: string | null;
}

export class HistoryEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) seq!: number;
  @ApiProperty({ example: 'request.approved' }) event!: string;
  @ApiProperty({ enum: RequestState, nullable: true }) fromState!: string | null;
  @ApiProperty({ enum: RequestState }) toState!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Ada Lovelace',
    description:
      'The display name of the person who acted; null for what the engine or the bootstrap admin token did',
  })
  actorName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorOrganizationId!:
    string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The delegator the actor decided for, through a delegation they held (see docs/delegation.md); null when they acted in their own right',
  })
  onBehalfOf!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Grace Hopper',
    description: 'The display name of `onBehalfOf`; null with it',
  })
  onBehalfOfName!: string | null;
  @ApiProperty({
    type: String,
    enum: ['R', 'A', 'C', 'I', null],
    nullable: true,
    example: 'A',
    description: 'The RACI letter the actor acted under; null when it was not a RACI party',
  })
  letter!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({
    type: EntryAuthenticationResponse,
    nullable: true,
    description: 'How the actor authenticated; null for what the engine did by itself',
  })
  authentication!: EntryAuthenticationResponse | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description:
      'For a decision (submission, opinion, waiver, approval, rejection): the SHA-256 of the request’s parameters as canonical JSON it was made on; null otherwise',
  })
  paramsHash!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'For a decision: the catalog version it was made under, where the request records one; null otherwise',
  })
  catalogVersion!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    description:
      'HMAC-SHA-256, under the engine’s audit key, of the entry and the previous one’s (see docs/audit.md)',
  })
  hash!: string;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Ada Lovelace',
    description: 'The author’s display name',
  })
  authorName!: string | null;
  @ApiProperty({ enum: Party }) party!: string;
  @ApiProperty() body!: string;
  @ApiProperty() internal!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class HistoryPageResponse {
  @ApiProperty({ type: [HistoryEntryResponse], description: 'In chain order, oldest first' })
  items!: HistoryEntryResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class CommentPageResponse {
  @ApiProperty({ type: [CommentResponse], description: 'Oldest first' })
  items!: CommentResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}
