import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/api-client';

export type AdminEvent = Schemas['AdminEventResponse'];

/** One page of an organization's admin audit log (`GET /v1/audit/admin-events`). */
export function useAdminEvents(organizationId: string | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin-events', organizationId, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/audit/admin-events', {
          params: { query: { organizationId, cursor, limit: 50 } },
        }),
      ),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Checks the log's chain (`GET /v1/audit/admin-events/verify`), when asked. */
export function useVerifyAdminEvents(organizationId: string | undefined) {
  return useQuery({
    queryKey: ['admin-events-verify', organizationId],
    queryFn: () =>
      unwrap(api.GET('/v1/audit/admin-events/verify', { params: { query: { organizationId } } })),
    enabled: false,
  });
}
