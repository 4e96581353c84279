import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/api-client';

export type MailDelivery = Schemas['DeliveryResponse'];
export type MailStatus = MailDelivery['status'];

/** One page of the mail deliveries (`GET /v1/notifications`), of one status or all, newest first. */
export function useMailDeliveries(status: MailStatus | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['mail-deliveries', status, cursor],
    queryFn: () =>
      unwrap(api.GET('/v1/notifications', { params: { query: { status, cursor, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

/** Sends a failed message again, with the same Message-ID. */
export function useRetryMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/v1/notifications/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mail-deliveries'] }),
  });
}
