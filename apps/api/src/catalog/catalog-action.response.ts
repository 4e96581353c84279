import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogAction, Party, PlanCell } from '@app/catalog';

class RaciLettersView {
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

/** One action of the catalog, as the API shows it. */
export class CatalogActionResponse {
  @ApiProperty({ example: 'object-storage.create-bucket' })
  key!: string;

  @ApiProperty({ example: 'object-storage' })
  product!: string;

  @ApiProperty({ example: 'Create Bucket' })
  title!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {
      fr: {
        title: 'Créer un bucket',
        comment: 'La création d’un bucket et de ses paramètres est faite par le client.',
        params: { bucketName: 'Nom du bucket S3' },
      },
    },
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
