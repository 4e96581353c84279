import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormDialog } from '../../components/form-dialog';
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
  const submit = () => {
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
    <FormDialog title={t('admin.webhooks.add')} onClose={onClose} onSubmit={submit} saving={create}>
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
    </FormDialog>
  );
}
