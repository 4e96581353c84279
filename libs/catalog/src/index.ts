export * from './catalog';
export * from './catalog-matrix.csv';
export * from './catalog.exception';
export * from './catalog.module';
export * from './catalog.types';
export * from './loader/catalog-loader';
export * from './loader/catalog-validation.error';
export { GENERIC_PRODUCT } from './loader/catalog-file.schema';
