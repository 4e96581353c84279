import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogAction, Party, PlanCell } from '@app/catalog';

export class RaciLettersView {
  @ApiProperty({ example: ['I'], isArray: true, enum: ['R', 'A', 'C', 'I'] })
  provider!: string[];

  @ApiProperty({ example: ['R', 'A'], isArray: true, enum: ['R', 'A', 'C', 'I'] })
  customer!: string[];
}

class PerformerView {
  @ApiProperty({ enum: Party, example: Party.Customer })
  default!: Party;

  @ApiPropertyOptional({ enum: Party })
  onDemand?: Party;

  @ApiPropertyOptional({ enum: Party })
  selfService?: Party;

  @ApiPropertyOptional({ example: 'S3 API' })
  via?: string;
}

class ReadingView {
  @ApiProperty({
    example:
      'The seed gives no Accountable; the Responsible party (provider) is taken as Accountable.',
  })
  note!: string;

  @ApiProperty({
    type: RaciLettersView,
    description: 'The letters as the published matrix gives them',
  })
  seed!: RaciLettersView;
}

class TranslationView {
  @ApiProperty({ example: 'Créer un bucket' })
  title!: string;

  @ApiPropertyOptional({ example: 'La création d’un bucket est faite par le client.' })
  comment?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { bucketName: 'Nom du bucket S3' },
    description: 'The label of each request parameter, by its name in `paramsSchema`',
  })
  params?: Record<string, string>;
}

class TranslationsView {
  @ApiPropertyOptional({ type: TranslationView })
  fr?: TranslationView;
}

class QuotaView {
  @ApiProperty({ example: 'anonymization-treatment' })
  unit!: string;

  @ApiProperty({ example: 10, description: 'Included in each subscription period' })
  included!: number;

  @ApiProperty({ example: 12 })
  periodMonths!: number;

  @ApiProperty({ example: 10, description: 'What one extra package adds' })
  packageSize!: number;
}

class DeadlineView {
  @ApiPropertyOptional({
    example: 3,
    description: 'Working days; the configured default if absent',
  })
  businessDays?: number;

  @ApiProperty({ enum: ['escalate', 'expire'], example: 'escalate' })
  onMiss!: 'escalate' | 'expire';
}

class PlanQuorumView {
  @ApiPropertyOptional({ example: 3, minimum: 1 })
  'self-service'?: number;

  @ApiPropertyOptional({ example: 3, minimum: 1 })
  'on-request'?: number;
}

class ApprovalView {
  @ApiProperty({
    example: 2,
    minimum: 1,
    description: 'How many distinct approvers of the Accountable party a request needs',
  })
  required!: number;

  @ApiPropertyOptional({
    type: PlanQuorumView,
    description: 'Another quorum for the requests of a subscription plan',
  })
  plans?: PlanQuorumView;
}

class ExceptionView {
  @ApiProperty({ example: 'security_audit index' })
  subject!: string;

  @ApiProperty({ example: 'The provider has access to the security_audit index' })
  rule!: string;
}

/** One action of the catalog, as the API shows it. */
export class CatalogActionResponse {
  @ApiProperty({ example: 'object-storage.create-bucket' })
  key!: string;

  @ApiProperty({ example: 'object-storage' })
  product!: string;

  @ApiProperty({ example: 'Create Bucket' })
  title!: string;

  @ApiPropertyOptional({
    type: TranslationsView,
    description:
      'The title, comment and parameter labels in other languages than English (`fr`), as French mail shows them',
  })
  i18n?: CatalogAction['i18n'];

  @ApiProperty({
    example: ['self-service'],
    isArray: true,
    enum: ['self-service', 'on-request', '*'],
  })
  plans!: PlanCell[];

  @ApiProperty({ type: RaciLettersView, description: 'Letters per party, in R, A, C, I order' })
  raci!: RaciLettersView;

  @ApiProperty({
    example: true,
    description: 'false for standing responsibilities (monitoring, availability…)',
  })
  requestable!: boolean;

  @ApiProperty({
    example: false,
    description:
      'true: a request submitted by an approver of the Accountable party is approved by that submission',
  })
  approvedBySubmission!: boolean;

  @ApiPropertyOptional({
    type: ApprovalView,
    description:
      'The quorum: present where a request needs several distinct approvers; absent, one approves',
  })
  approval?: ApprovalView;

  @ApiPropertyOptional({ type: DeadlineView, description: 'The approval deadline' })
  deadline?: DeadlineView;

  @ApiPropertyOptional({
    example: 'Bucket creation and associated parameters is done by the customer.',
  })
  comment?: string;

  @ApiProperty({ type: PerformerView })
  performer!: PerformerView;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the request params',
  })
  paramsSchema?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: ReadingView,
    description: 'Present where the published matrix breaks its own rules',
  })
  reading?: ReadingView;

  @ApiPropertyOptional({ example: 'generic.security-patches' })
  inheritedFrom?: string;

  @ApiPropertyOptional({ example: 'generic.version-upgrades' })
  overrides?: string;

  @ApiPropertyOptional({ type: QuotaView, description: 'Counted per subscription period' })
  quota?: QuotaView;

  @ApiPropertyOptional({
    type: [String],
    example: ['prerequisite check', 'script execution'],
    description: 'What each execution includes',
  })
  checklist?: string[];

  @ApiPropertyOptional({ type: [ExceptionView], description: 'Exceptions the matrix states' })
  exceptions?: ExceptionView[];

  static from(action: CatalogAction): CatalogActionResponse {
    return action;
  }
}

export class CatalogActionListResponse {
  @ApiProperty({ type: [CatalogActionResponse] })
  items!: CatalogActionResponse[];

  @ApiProperty({ example: 42 })
  total!: number;
}
