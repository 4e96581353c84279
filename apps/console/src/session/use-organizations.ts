import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';

/** The organizations the person may see (every one for the provider), by id. */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/v1/organizations', { params: { query: { limit: 200 } } }),
      );
      return new Map(page.items.map((organization) => [organization.id, organization]));
    },
    staleTime: 5 * 60_000,
  });
}
