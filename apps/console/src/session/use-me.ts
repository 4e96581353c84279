import { useQuery } from '@tanstack/react-query';
import { api, type Me, rememberCsrfToken, unwrap } from '../api/api-client';

/** The person signed in (`GET /v1/me`); its CSRF token is kept for every change that follows. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me> => {
      const me = await unwrap(api.GET('/v1/me'));
      rememberCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 60_000,
  });
}
