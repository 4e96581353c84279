import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * A plain object as the values of an insert or update. TypeORM's deep-partial type cannot express
 * JSON columns typed as records (`Record<string, unknown>`), which are stored as they are.
 */
export function asRow<T>(values: Partial<T>): QueryDeepPartialEntity<T> {
  return values as QueryDeepPartialEntity<T>;
}
