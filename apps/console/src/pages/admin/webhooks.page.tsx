import { Badge, Button, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/i18n';
import { OrganizationChoice } from './organization-choice';
import { StatusMessage } from './status-message';
import { useAdminScope, useChosenOrganization } from './use-admin-scope';
import { useWebhookChange, useWebhooks, type Webhook } from './use-webhooks';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookDialog } from './webhook-dialog';

/**
 * "Webhooks": the endpoints of the chosen organization, each with its state and deliveries; add,
 * resume a paused one, delete.
 */
export function WebhooksPage() {
  const { t } = useI18n();
  const { isProviderAdmin } = useAdminScope();
  const org = useChosenOrganization();
  const webhooks = useWebhooks();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [done, setDone] = useState<{ text: string; secret?: string } | null>(null);
  const shown = webhooks.data?.items.filter((w) => w.organizationId === org.id) ?? [];
  return (
    <Stack>
      <Title order={2}>{t('admin.nav.webhooks')}</Title>
      <OrganizationChoice value={org.id} choices={org.choices} onChange={org.choose} />
      <StatusMessage>
        {done ? (
          <>
            {done.text}
            {done.secret ? (
              <Text size="sm" mt="xs">
                {t('admin.webhooks.secret')} <Code className="secret">{done.secret}</Code>
              </Text>
            ) : null}
          </>
        ) : null}
      </StatusMessage>
      <Group>
        <Button
          onClick={() => {
            setDone(null);
            setAdding(true);
          }}
        >
          {t('admin.webhooks.add')}
        </Button>
      </Group>
      {webhooks.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {webhooks.isError ? <ErrorAlert error={webhooks.error} /> : null}
      {webhooks.data && shown.length === 0 ? <Text>{t('admin.webhooks.none')}</Text> : null}
      <Stack component="ul" gap="xs" className="plain-list">
        {shown.map((webhook) => (
          <WebhookCard
            key={webhook.id}
            webhook={webhook}
            onDelete={() => {
              setDone(null);
              setDeleting(webhook);
            }}
            onResumed={() => setDone({ text: t('admin.webhooks.resumed', { url: webhook.url }) })}
          />
        ))}
      </Stack>
      {adding ? (
        <WebhookDialog
          organizationId={isProviderAdmin ? org.id : undefined}
          onClose={() => setAdding(false)}
          onDone={(url, secret) => {
            setAdding(false);
            setDone({ text: t('admin.webhooks.created', { url }), secret });
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          webhook={deleting}
          onClose={() => setDeleting(null)}
          onDone={() => {
            setDeleting(null);
            setDone({ text: t('admin.webhooks.deleted', { url: deleting.url }) });
          }}
        />
      ) : null}
    </Stack>
  );
}

function WebhookCard({
  webhook,
  onDelete,
  onResumed,
}: {
  webhook: Webhook;
  onDelete: () => void;
  onResumed: () => void;
}) {
  const { t } = useI18n();
  const resume = useWebhookChange();
  const [open, setOpen] = useState(false);
  const regionId = `deliveries-${webhook.id}`;
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600} component="h3" className="break-anywhere">
            {webhook.url}
            <Badge variant="outline" color="dark" ml="xs" component="span">
              {t(`admin.webhooks.state.${webhook.state}`)}
            </Badge>
          </Text>
          <Text size="sm" className="break-anywhere">
            {webhook.eventTypes.length === 0 || webhook.eventTypes.includes('*')
              ? t('admin.webhooks.everyEvent')
              : webhook.eventTypes.join(', ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            aria-expanded={open}
            aria-controls={regionId}
            onClick={() => setOpen(!open)}
          >
            {t('admin.webhooks.deliveries')}
          </Button>
          {webhook.state === 'paused' ? (
            <Button
              variant="default"
              size="xs"
              loading={resume.isPending}
              onClick={() =>
                resume.mutate({ id: webhook.id, change: 'resume' }, { onSuccess: onResumed })
              }
            >
              {t('admin.webhooks.resume')}
            </Button>
          ) : null}
          <Button variant="default" size="xs" onClick={onDelete}>
            {t('admin.delete')}
          </Button>
        </Group>
      </Group>
      {resume.isError ? <ErrorAlert error={resume.error} /> : null}
      {open ? (
        <section id={regionId} aria-label={t('admin.webhooks.deliveriesOf', { url: webhook.url })}>
          <WebhookDeliveries webhookId={webhook.id} />
        </section>
      ) : null}
    </Card>
  );
}

function DeleteDialog({
  webhook,
  onClose,
  onDone,
}: {
  webhook: Webhook;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const remove = useWebhookChange();
  return (
    <ModalDialog
      title={t('admin.webhooks.delete')}
      closeLabel={t('dialog.close')}
      onClose={onClose}
    >
      <Stack>
        <Text className="break-anywhere">
          {t('admin.webhooks.deleteWhat', { url: webhook.url })}
        </Text>
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end">
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate({ id: webhook.id, change: 'delete' }, { onSuccess: onDone })
            }
          >
            {t('dialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </ModalDialog>
  );
}
