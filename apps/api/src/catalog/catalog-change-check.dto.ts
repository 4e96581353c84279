import { PickType } from '@nestjs/swagger';
import { CatalogChangeDto } from './catalog-change.dto';

/** Body of `POST /v1/catalog/changes/check`: one product's new file, checked, never stored. */
export class CatalogChangeCheckDto extends PickType(CatalogChangeDto, ['product', 'yaml']) {}
