import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogDiffResponse } from './catalog-version.response';

/** One problem of a proposed file, where its editor finds it. */
export class CatalogProblemView {
  @ApiProperty({ example: 'object-storage.yaml' }) file!: string;
  @ApiProperty({ example: 275 }) line!: number;
  @ApiPropertyOptional({ example: 'object-storage.create-bucket' }) action?: string;
  @ApiProperty({ example: 'raci.provider: "Q" is not a RACI cell' }) message!: string;
}

/** What a proposed file would do: its problems, or the rows it changes against the version in force. */
export class CatalogChangeCheckResponse {
  @ApiProperty({ description: 'Whether POST /v1/catalog/changes would take the file' })
  valid!: boolean;

  @ApiProperty({ type: [CatalogProblemView], description: 'Empty when valid' })
  problems!: CatalogProblemView[];

  @ApiProperty({
    type: CatalogDiffResponse,
    nullable: true,
    description:
      'What it changes against the version in force (`to` is the next number); null when invalid',
  })
  diff!: CatalogDiffResponse | null;
}
