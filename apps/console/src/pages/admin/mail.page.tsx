import { Button, Card, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { FIRST_PAGE } from './admin-forms';
import { Pager } from './pager';
import { StatusMessage } from './status-message';
import {
  type MailDelivery,
  type MailStatus,
  useMailDeliveries,
  useRetryMail,
} from './use-dead-letters';
import { When } from './when';

const STATUSES: readonly MailStatus[] = ['failed', 'queued', 'sent'];

/** "Mail" (provider admins): the dead letters by default, with their reason, and "Retry". */
export function MailPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<MailStatus | ''>('failed');
  const [trail, setTrail] = useState(FIRST_PAGE);
  const deliveries = useMailDeliveries(status || undefined, trail.current);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('admin.nav.mail')}</Title>
      <NativeSelect
        label={t('admin.mail.status')}
        value={status}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setStatus(STATUSES.find((s) => s === next) ?? '');
          setTrail(FIRST_PAGE);
        }}
        data={[
          ...STATUSES.map((s) => ({ value: s, label: t(`admin.mail.status.${s}`) })),
          { value: '', label: t('admin.mail.status.all') },
        ]}
        maw={360}
      />
      <StatusMessage>{done}</StatusMessage>
      {deliveries.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
      {deliveries.data?.items.length === 0 ? <Text>{t('admin.mail.none')}</Text> : null}
      <Stack component="ul" gap="xs" className="plain-list">
        {deliveries.data?.items.map((delivery) => (
          <MailCard key={delivery.id} delivery={delivery} onRetried={setDone} />
        ))}
      </Stack>
      <Pager trail={trail} nextCursor={deliveries.data?.nextCursor} onChange={setTrail} />
    </Stack>
  );
}

function MailCard({
  delivery,
  onRetried,
}: {
  delivery: MailDelivery;
  onRetried: (text: string) => void;
}) {
  const { t } = useI18n();
  const retry = useRetryMail();
  const values = { subject: delivery.subject, recipient: delivery.recipient };
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600} component="h3" className="break-anywhere">
            {delivery.subject}
          </Text>
          <Text size="sm" className="break-anywhere">
            {t('admin.mail.to', { recipient: delivery.recipient })} ·{' '}
            <When at={delivery.createdAt} />
          </Text>
          <Text size="sm" className="break-anywhere">
            {t(`admin.mail.status.${delivery.status}`)} ·{' '}
            {t('admin.webhooks.attempts', { count: delivery.attempts })}
            {delivery.retries > 0
              ? ` · ${t('admin.mail.retries', { count: delivery.retries })}`
              : ''}
            {delivery.lastError ? ` · ${delivery.lastError}` : ''}
          </Text>
        </Stack>
        {delivery.status === 'failed' ? (
          <Button
            variant="default"
            size="xs"
            loading={retry.isPending}
            aria-label={t('admin.mail.retryOne', values)}
            onClick={() =>
              retry.mutate(delivery.id, {
                onSuccess: () => onRetried(t('admin.mail.retried', values)),
              })
            }
          >
            {t('status.retry')}
          </Button>
        ) : null}
      </Group>
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
    </Card>
  );
}
