import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/api-client';

export type Webhook = Schemas['WebhookResponse'];
export type NewWebhook = Schemas['CreateWebhookDto'];
export type WebhookEventType = NonNullable<NewWebhook['eventTypes']>[number];

/** The event types an endpoint may ask for; none chosen means every event. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'request.submitted',
  'request.opinion_given',
  'request.consultation_waived',
  'request.approval_recorded',
  'request.approved',
  'request.rejected',
  'request.started',
  'request.completed',
  'request.failed',
  'request.cancelled',
  'request.commented',
  'request.expired',
  'request.approval_reminder',
  'request.escalated',
  'audit.checkpoint',
];

/** The endpoints the admin may see: its organization's, every one for a provider admin. */
export function useWebhooks() {
  return useQuery({
    queryKey: ['webhooks'],
    queryFn: () => unwrap(api.GET('/v1/webhooks', { params: { query: { limit: 200 } } })),
  });
}

/** One page of an endpoint's deliveries, newest first. */
export function useWebhookDeliveries(id: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['webhook-deliveries', id, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/webhooks/{id}/deliveries', {
          params: { path: { id }, query: { limit: 20, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

/** Registers an endpoint; the answer carries its signing secret, shown once. */
export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (webhook: NewWebhook) => unwrap(api.POST('/v1/webhooks', { body: webhook })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

/** Deletes an endpoint, or resumes a paused one. */
export function useWebhookChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, change }: { id: string; change: 'delete' | 'resume' }) => {
      const path = { params: { path: { id } } };
      if (change === 'delete') await unwrap(api.DELETE('/v1/webhooks/{id}', path));
      else await unwrap(api.POST('/v1/webhooks/{id}/resume', path));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
