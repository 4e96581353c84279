import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';

/**
 * The inbox, as the home page reads it. `main.tsx` starts it at the page's first line when the
 * home page is opened, in parallel with `GET /v1/me`, rather than after the person is known.
 */
export const inboxQuery = queryOptions({
  queryKey: ['inbox'],
  queryFn: () => unwrap(api.GET('/v1/inbox', { params: { query: { limit: 200 } } })),
  refetchInterval: 30_000,
});
