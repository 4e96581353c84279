import { ApiProperty } from '@nestjs/swagger';
import { CatalogActionResponse } from './catalog-action.response';

export class MatrixTableView {
  @ApiProperty({ example: 'object-storage' })
  product!: string;

  @ApiProperty({ example: 'Object Storage' })
  title!: string;

  @ApiProperty({ type: [CatalogActionResponse] })
  actions!: CatalogActionResponse[];
}

/** `GET /v1/catalog/matrix` as JSON: the published tables, generic first. */
export class MatrixResponse {
  @ApiProperty({ example: 1, description: 'The active catalog version (GET /v1/catalog/versions)' })
  version!: number;

  @ApiProperty({ isArray: true, enum: ['provider', 'customer'], example: ['provider', 'customer'] })
  parties!: string[];

  @ApiProperty({ isArray: true, enum: ['R', 'A', 'C', 'I'], example: ['R', 'A', 'C', 'I'] })
  letters!: string[];

  @ApiProperty({ type: [MatrixTableView] })
  tables!: MatrixTableView[];
}

/** The CSV form of the matrix: RFC 4180, one row per action, letters in R, A, C, I order. */
export const MATRIX_CSV_EXAMPLE =
  'product,key,title,plans,provider,customer,requestable,performer,comment,reading\r\n' +
  'object-storage,object-storage.create-bucket,Create Bucket,self-service,I,R / A,true,customer,,\r\n';
