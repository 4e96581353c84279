import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/api-client';

export type User = Schemas['UserResponse'];
export type NewUser = Schemas['CreateUserDto'];
export type UserChange = Schemas['UpdateUserDto'];

/** One page of an organization's users (`GET /v1/organizations/{id}/users`). */
export function useUsers(organizationId: string | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['users', organizationId, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/organizations/{id}/users', {
          params: { path: { id: organizationId ?? '' }, query: { limit: 100, cursor } },
        }),
      ),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Adds a user; the answer carries its first token, shown once. */
export function useCreateUser(organizationId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) =>
      unwrap(
        api.POST('/v1/organizations/{id}/users', {
          params: { path: { id: organizationId ?? '' } },
          body: user,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users', organizationId] }),
  });
}

/** Changes a user's name, roles or active flag (`PATCH /v1/users/{id}`). */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) =>
      unwrap(api.PATCH('/v1/users/{id}', { params: { path: { id } }, body: change })),
    onSuccess: (user) => client.invalidateQueries({ queryKey: ['users', user.organizationId] }),
  });
}
