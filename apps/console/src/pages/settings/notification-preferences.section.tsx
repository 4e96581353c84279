import { Button, Group, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';

type Informed = Schemas['NotificationPreferencesDto']['informed'];
const CHOICES: readonly Informed[] = ['immediate', 'daily-digest', 'off'];
const isInformed = (value: string): value is Informed => CHOICES.includes(value as Informed);

/** How the person gets mail about the requests they are Informed of, and "Save". */
export function NotificationPreferencesSection() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [choice, setChoice] = useState<Informed | null>(null);
  const [status, setStatus] = useState('');
  const stored = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => unwrap(api.GET('/v1/me/notification-preferences')),
  });
  const save = useMutation({
    mutationFn: (informed: Informed) =>
      unwrap(api.PUT('/v1/me/notification-preferences', { body: { informed } })),
    onMutate: () => setStatus(''),
    onSuccess: (saved) => {
      client.setQueryData(['notification-preferences'], saved);
      setChoice(null);
      setStatus(t('settings.notifications.saved'));
    },
  });
  const value = choice ?? stored.data?.informed ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) save.mutate(value);
  };
  return (
    <section aria-labelledby="settings-notifications">
      <Title order={2} size="h3" id="settings-notifications" mb="xs">
        {t('settings.notifications.heading')}
      </Title>
      {stored.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {stored.isError ? <ErrorAlert error={stored.error} /> : null}
      {value ? (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Radio.Group
              label={t('settings.notifications.informed')}
              description={t('settings.notifications.informed.hint')}
              value={value}
              onChange={(next) => {
                if (isInformed(next)) setChoice(next);
              }}
            >
              <Stack gap="xs" mt="xs">
                {CHOICES.map((informed) => (
                  <Radio
                    key={informed}
                    value={informed}
                    label={t(`settings.notifications.${informed}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {save.isError ? <ErrorAlert error={save.error} /> : null}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('settings.notifications.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Text role="status" mt="xs">
        {status}
      </Text>
    </section>
  );
}
