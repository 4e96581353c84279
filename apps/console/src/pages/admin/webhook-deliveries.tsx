import { Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { FIRST_PAGE } from './admin-forms';
import { Pager } from './pager';
import { useWebhookDeliveries } from './use-webhooks';
import { When } from './when';

/** The deliveries of one endpoint, newest first: event, status, attempts, the answer or error. */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const { t } = useI18n();
  const [trail, setTrail] = useState(FIRST_PAGE);
  const deliveries = useWebhookDeliveries(webhookId, trail.current);
  if (deliveries.isPending) return <Loader size="sm" aria-label={t('status.loading')} />;
  if (deliveries.isError) return <ErrorAlert error={deliveries.error} />;
  return (
    <Stack gap="xs">
      {deliveries.data.items.length === 0 ? (
        <Text size="sm">{t('admin.webhooks.noDeliveries')}</Text>
      ) : (
        <Stack component="ul" gap={4} className="plain-list">
          {deliveries.data.items.map((delivery) => (
            <Text component="li" size="sm" key={delivery.id} className="break-anywhere">
              <When at={delivery.createdAt} /> · {delivery.eventType} ·{' '}
              {t(`admin.delivery.${delivery.status}`)} ·{' '}
              {t('admin.webhooks.attempts', { count: delivery.attempts })}
              {delivery.responseStatus !== null ? ` · HTTP ${delivery.responseStatus}` : ''}
              {delivery.lastError ? ` · ${delivery.lastError}` : ''}
            </Text>
          ))}
        </Stack>
      )}
      <Pager trail={trail} nextCursor={deliveries.data.nextCursor} onChange={setTrail} />
    </Stack>
  );
}
