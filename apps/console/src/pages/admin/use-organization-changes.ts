import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/api-client';

export type OrganizationChange = Schemas['UpdateOrganizationDto'];

/** `PATCH /v1/organizations/{id}`; the lists of organizations are loaded again after it. */
export function useUpdateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: OrganizationChange }) =>
      unwrap(api.PATCH('/v1/organizations/{id}', { params: { path: { id } }, body: change })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

/** `PUT /v1/organizations/{id}/quota-packages` (provider admins); the quota is loaded again. */
export function useSetQuotaPackages() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, unit, packages }: { id: string; unit: string; packages: number }) =>
      unwrap(
        api.PUT('/v1/organizations/{id}/quota-packages', {
          params: { path: { id } },
          body: { unit, packages },
        }),
      ),
    onSuccess: (_, { id }) => client.invalidateQueries({ queryKey: ['quota', id] }),
  });
}
