import { Equal, FindOptionsWhere, LessThan, MoreThan, ObjectLiteral, Repository } from 'typeorm';
import { CommonErrorCode } from '../errors/error-code';
import { CommonException } from '../errors/common.exception';
import { PageCursor, TimeIdPosition } from './page-cursor';

/** One page of a list: at most `limit` items, and the cursor of the next page, if any. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a caller asks of a list: the `nextCursor` of the previous page, and a page size. */
export interface PageRequest {
  cursor?: string;
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 50;

type Keyed = TimeIdPosition;

/**
 * A page of rows ordered on (created_at, id), oldest first (`ASC`) or newest first (`DESC`),
 * keyset-paginated: the opaque cursor is the last row's creation time and id, so a page stays
 * right while rows are added.
 */
export async function keysetPage<E extends ObjectLiteral & Keyed>(
  repository: Repository<E>,
  where: FindOptionsWhere<E>,
  request: PageRequest,
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<E>> {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const after = request.cursor ? decode(request.cursor) : undefined;
  const beyond = direction === 'ASC' ? MoreThan : LessThan;
  const rows = await repository.find({
    where: after
      ? [
          { ...where, createdAt: beyond(after.createdAt) },
          { ...where, createdAt: Equal(after.createdAt), id: beyond(after.id) },
        ]
      : where,
    order: { createdAt: direction, id: direction } as never,
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const more = rows.length > limit && last !== undefined;
  return {
    items,
    nextCursor: more ? PageCursor.fromTimeId(new Date(last.createdAt), last.id) : null,
  };
}

/** A page of rows oldest first: see `keysetPage`. */
export function oldestFirstPage<E extends ObjectLiteral & Keyed>(
  repository: Repository<E>,
  where: FindOptionsWhere<E>,
  request: PageRequest,
): Promise<Page<E>> {
  return keysetPage(repository, where, request, 'ASC');
}

/** Throws 400 INVALID_CURSOR for anything the API did not return. */
function decode(cursor: string): Keyed {
  const position = PageCursor.toTimeId(cursor);
  if (!position) throw new CommonException(CommonErrorCode.InvalidCursor);
  return position;
}
