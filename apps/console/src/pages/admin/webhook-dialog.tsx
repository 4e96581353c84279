import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/i18n';
import { useCreateWebhook, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './use-webhooks';

interface Props {
  /** The organization whose requests it hears of (a provider admin's choice). */
  organizationId: string | undefined;
  onClose: () => void;
  onDone: (url: string, secret: string) => void;
}

/** "Add webhook": its URL and the events it wants (none chosen: every event), and "Save". */
export function WebhookDialog({ organizationId, onClose, onDone }: Props) {
  const { t } = useI18n();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        url: url.trim(),
        eventTypes: eventTypes.length > 0 ? eventTypes : undefined,
        organizationId,
      },
      { onSuccess: (created) => onDone(created.url, created.secret) },
    );
  };
  return (
    <ModalDialog title={t('admin.webhooks.add')} closeLabel={t('dialog.close')} onClose={onClose}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('admin.webhooks.url')}
            type="url"
            required
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
          />
          <Checkbox.Group
            label={t('admin.webhooks.events')}
            description={t('admin.webhooks.eventsHelp')}
            value={eventTypes}
            onChange={(value) =>
              setEventTypes(WEBHOOK_EVENT_TYPES.filter((type) => value.includes(type)))
            }
          >
            <Stack gap={4} mt="xs">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={type} />
              ))}
            </Stack>
          </Checkbox.Group>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ModalDialog>
  );
}
