import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogVersion, CatalogVersionState, MatrixTable } from '@app/catalog';
import { RaciLettersView } from './catalog-action.response';
import { MatrixTableView } from './catalog-matrix.response';

/** One stored version of the matrix, without its content. */
export class CatalogVersionSummaryResponse {
  @ApiProperty({ example: 2, description: 'The number requests pin (`catalogVersion`)' })
  version!: number;

  @ApiProperty({
    example: 'deployment',
    description:
      '`deployment` (the matrix files read at start), or the id of the user who proposed it',
  })
  createdBy!: string;

  @ApiProperty({ example: 'the matrix files changed' })
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When it is to become active once approved; null: at once',
  })
  effectiveAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  approvedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  activatedAt!: string | null;

  @ApiProperty({
    enum: CatalogVersionState,
    example: CatalogVersionState.Active,
    description:
      'draft (not in force yet), active (the one in force), superseded, discarded (proposed by a change of the matrix that was rejected or cancelled)',
  })
  state!: CatalogVersionState;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  hash!: string;

  static from(row: CatalogVersion): CatalogVersionSummaryResponse {
    const at = (date: Date | null) => (date ? new Date(date).toISOString() : null);
    return {
      version: row.version,
      createdBy: row.createdBy,
      reason: row.reason,
      createdAt: new Date(row.createdAt).toISOString(),
      effectiveAt: at(row.effectiveAt),
      approvedAt: at(row.approvedAt),
      activatedAt: at(row.activatedAt),
      state: row.state,
      hash: row.hash,
    };
  }
}

export class CatalogVersionPageResponse {
  @ApiProperty({ type: [CatalogVersionSummaryResponse], description: 'Newest first' })
  items!: CatalogVersionSummaryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page, if any' })
  nextCursor!: string | null;
}

/** One version: what the list says, its tables as `GET /v1/catalog/matrix` shows them, its files. */
export class CatalogVersionResponse extends CatalogVersionSummaryResponse {
  @ApiProperty({ type: [MatrixTableView], description: 'Generic table first' })
  tables!: MatrixTableView[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { generic: 'product: generic\n…' },
    description: 'Each product’s file as YAML text, as `npm run catalog:export` writes it',
  })
  files!: Record<string, string>;

  static withContent(row: CatalogVersion, tables: readonly MatrixTable[]): CatalogVersionResponse {
    return {
      ...CatalogVersionSummaryResponse.from(row),
      tables: tables.map(({ product, title, actions }) => ({ product, title, actions })),
      files: row.files,
    };
  }
}

class CatalogRowChangeView {
  @ApiProperty({ example: 'object-storage' })
  product!: string;

  @ApiProperty({ example: 'object-storage.create-bucket' })
  action!: string;

  @ApiProperty({ example: 'Create Bucket' })
  title!: string;

  @ApiPropertyOptional({ isArray: true, enum: ['self-service', 'on-request', '*'] })
  plansBefore?: string[];

  @ApiPropertyOptional({ isArray: true, enum: ['self-service', 'on-request', '*'] })
  plansAfter?: string[];

  @ApiPropertyOptional({ type: RaciLettersView, description: 'Absent for an added row' })
  before?: RaciLettersView;

  @ApiPropertyOptional({ type: RaciLettersView, description: 'Absent for a removed row' })
  after?: RaciLettersView;
}

/** The rows a version adds, removes and changes (letters or plans) against another. */
export class CatalogDiffResponse {
  @ApiProperty({ example: 1 })
  from!: number;

  @ApiProperty({ example: 2 })
  to!: number;

  @ApiProperty({ type: [CatalogRowChangeView] })
  added!: CatalogRowChangeView[];

  @ApiProperty({ type: [CatalogRowChangeView] })
  removed!: CatalogRowChangeView[];

  @ApiProperty({ type: [CatalogRowChangeView] })
  changed!: CatalogRowChangeView[];

  @ApiProperty({
    type: [String],
    example: ['Create Bucket: provider I → C'],
    description: 'The same, one line per row, in words',
  })
  words!: string[];
}
