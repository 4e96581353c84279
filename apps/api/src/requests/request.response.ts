import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Party } from '@app/catalog';
import { RequestState } from '@app/core';
import { Role } from '@app/parties';
import { Opinion, RequestVerb } from '@app/requests';
import type { PersonVerb } from '@app/requests';
import type { RequestResult } from '@app/requests';
import { RESULT_SCHEMA } from './transition.dto';

export class PersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name!: string;
  @ApiProperty({ example: 'ada@globex.example' }) email!: string;
}

export class PersonListResponse {
  @ApiProperty({ type: [PersonResponse] }) items!: PersonResponse[];
}

export class OpinionResponse {
  @ApiProperty({ enum: Party }) party!: Party;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: Opinion }) opinion!: Opinion;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ApprovalResponse {
  @ApiProperty({ format: 'uuid', description: 'The user who approved' }) by!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The delegator the approver acted for; null when they acted for themselves',
  })
  onBehalfOf!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why the approval does not count (it was given on other parameters than the request’s); null when it counts',
  })
  void!: string | null;
}

const WAITS = ['approve', 'opinion', 'work'];

export class WaitingOnResponse {
  @ApiProperty({ enum: Party }) party!: Party;
  @ApiProperty({ enum: Role, isArray: true, description: 'The roles that may act for the party' })
  roles!: Role[];
  @ApiProperty({ enum: RequestVerb, example: RequestVerb.Approve }) verb!: RequestVerb;
  @ApiProperty({ enum: WAITS, example: 'approve' }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'None for work' })
  dueAt!: string | null;
}

export class RequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'mariadb.add-read-only-replica' }) action!: string;
  @ApiProperty({ example: 'Add a MariaDB read-only Replica' }) title!: string;
  @ApiProperty({ example: 'mariadb' }) product!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ enum: RequestState, example: RequestState.PendingApproval }) state!: RequestState;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { primary: 'db-prod-01' } })
  params!: Record<string, unknown>;
  @ApiProperty({ enum: Party, example: Party.Provider, description: 'R' }) responsible!: Party;
  @ApiProperty({
    enum: Party,
    example: Party.Provider,
    description: 'A: the only party that decides',
  })
  accountable!: Party;
  @ApiProperty({ enum: Party, isArray: true, example: [] }) consulted!: Party[];
  @ApiProperty({ enum: Party, isArray: true, example: [Party.Customer] }) informed!: Party[];
  @ApiProperty({
    enum: Party,
    example: Party.Provider,
    description: 'The party that does the work',
  })
  performer!: Party;
  @ApiProperty({ type: PersonResponse }) submittedBy!: PersonResponse;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({
    oneOf: [{ ...RESULT_SCHEMA.oneOf[0], nullable: true }, RESULT_SCHEMA.oneOf[1]],
    description:
      'What the performer reported on completing: text, or a JSON object, as given; null before',
  })
  result!: RequestResult | null;
  @ApiProperty({ type: [OpinionResponse], description: 'The Consulted parties’ answers' })
  opinions!: OpinionResponse[];
  @ApiProperty({
    example: 1,
    minimum: 1,
    description:
      'How many distinct approvers of the Accountable party the request needs (its quorum, from the catalog, kept from submission)',
  })
  approvalsRequired!: number;
  @ApiProperty({
    type: [ApprovalResponse],
    description:
      'The approvals so far, oldest first; each person counts once (a delegator and their delegate as one), void ones not at all',
  })
  approvals!: ApprovalResponse[];
  @ApiProperty({
    type: [WaitingOnResponse],
    description: 'Who must act next, and why; empty once the request is finished',
  })
  waitingOn!: WaitingOnResponse[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the decision it waits for is due (working days); null otherwise',
  })
  dueAt!: string | null;

  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ example: 1, description: 'Incremented by every change' }) version!: number;

  @ApiProperty({
    example: 1,
    description:
      'The catalog version the request was routed under: its letters stay those of that version to its end (GET /v1/catalog/versions/{version})',
  })
  catalogVersion!: number;
}

export class RequestPageResponse {
  @ApiProperty({ type: [RequestResponse] }) items!: RequestResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class InboxItemResponse extends RequestResponse {
  @ApiProperty({ enum: WAITS, description: 'Why it waits on the caller' }) reason!: string;
  @ApiProperty({
    type: PersonResponse,
    nullable: true,
    description:
      'The delegator it waits on, when it reaches the caller only through a delegation they hold ("on behalf of"); null when it waits on the caller themselves',
  })
  onBehalfOf!: PersonResponse | null;
}

export class InboxPageResponse {
  @ApiProperty({ type: [InboxItemResponse] }) items!: InboxItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class PreviewWarningResponse {
  @ApiProperty({ example: 'NO_ELIGIBLE_APPROVER' }) code!: string;
  @ApiProperty({
    example:
      'Nobody but the submitter could approve this request for the Accountable party (customer): ' +
      'add a user with the role approver to the organization "Globex", then submit again.',
  })
  message!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}

export class RequestPreviewResponse {
  @ApiProperty({ example: 'mariadb.add-read-only-replica' }) action!: string;
  @ApiProperty({ example: 'Add a MariaDB read-only Replica' }) title!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ enum: Party }) responsible!: Party;
  @ApiProperty({ enum: Party }) accountable!: Party;
  @ApiProperty({ enum: Party, isArray: true }) consulted!: Party[];
  @ApiProperty({ enum: Party, isArray: true }) informed!: Party[];
  @ApiProperty({ enum: Party }) performer!: Party;
  @ApiProperty({ type: String, nullable: true, example: 'ITCare' }) via!: string | null;
  @ApiProperty({ enum: RequestState }) initialState!: RequestState;
  @ApiProperty({ description: 'The submission itself would be the decision' })
  approvedBySubmission!: boolean;
  @ApiProperty({
    type: [PreviewWarningResponse],
    description:
      'Why the submission would be refused though action and params are fine: NO_ELIGIBLE_APPROVER, ' +
      'NO_ELIGIBLE_CONSULTANT (nobody but the submitter could decide); empty when it would go through',
  })
  warnings!: PreviewWarningResponse[];
}

/** The verbs a person does to an existing request. */
const PERSON_VERBS = Object.values(RequestVerb).filter(
  (verb) => verb !== RequestVerb.Submit && verb !== RequestVerb.Expire,
);

export class ViewerActionResponse {
  @ApiProperty({ enum: PERSON_VERBS, example: RequestVerb.Approve })
  verb!: PersonVerb;
  @ApiProperty({
    description:
      'The present sign-in is not enough: the verb needs a multi-factor one first (step-up)',
  })
  stepUp!: boolean;
}

export class ViewerActionsResponse {
  @ApiProperty({
    type: [ViewerActionResponse],
    description:
      'What the caller may do to the request now, from the table the checks read; empty when nothing',
  })
  items!: ViewerActionResponse[];
}
