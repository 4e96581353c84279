import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/api-client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { browserOf, dateTimeIn, sessionsInOrder } from './settings-view';

type Session = Schemas['SessionResponse'];

/** The person's sessions: this device's marked, each other one with "Sign out". */
export function SessionsSection() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [ending, setEnding] = useState<Session | null>(null);
  const [status, setStatus] = useState('');
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => unwrap(api.GET('/v1/me/sessions')),
  });
  const items = sessionsInOrder(sessions.data?.items ?? []);
  const browserName = (session: Session) =>
    browserOf(session.userAgent) ?? t('settings.sessions.unknownBrowser');
  return (
    <section aria-labelledby="settings-sessions">
      <Title order={2} size="h3" id="settings-sessions" mb="xs">
        {t('settings.sessions.heading')}
      </Title>
      <Text role="status">{status}</Text>
      {sessions.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {sessions.isError ? <ErrorAlert error={sessions.error} /> : null}
      {sessions.isSuccess && items.length === 0 ? (
        <Text>{t('settings.sessions.empty')}</Text>
      ) : null}
      <Stack component="ul" gap="xs" p={0} className="plain-list">
        {items.map((session) => (
          <SessionEntry
            key={session.id}
            session={session}
            browser={browserName(session)}
            onEnd={() => setEnding(session)}
          />
        ))}
      </Stack>
      {ending ? (
        <ConfirmDialog
          title={t('settings.sessions.confirmTitle')}
          text={t('settings.sessions.confirmText', { browser: browserName(ending) })}
          onConfirm={() =>
            unwrap(api.DELETE('/v1/me/sessions/{id}', { params: { path: { id: ending.id } } }))
          }
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            setStatus(t('settings.sessions.ended'));
            void client.invalidateQueries({ queryKey: ['sessions'] });
          }}
        />
      ) : null}
    </section>
  );
}

function SessionEntry(props: { session: Session; browser: string; onEnd: () => void }) {
  const { session, browser, onEnd } = props;
  const { t, language } = useI18n();
  return (
    <Card component="li" withBorder padding="sm" aria-label={browser}>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{browser}</Text>
            {session.current ? (
              <Badge variant="light">{t('settings.sessions.thisDevice')}</Badge>
            ) : null}
          </Group>
          <Text size="sm">
            {t('settings.sessions.signedIn', {
              date: dateTimeIn(language, session.createdAt),
              method: t(`auth.${session.method}`),
            })}
          </Text>
          <Text size="sm">
            {t('settings.sessions.lastSeen', { date: dateTimeIn(language, session.lastSeenAt) })}
          </Text>
          {session.ip ? (
            <Text size="sm" c="dimmed">
              {t('settings.sessions.from', { place: session.ip })}
            </Text>
          ) : null}
        </Stack>
        {session.current ? null : (
          <Button
            variant="default"
            onClick={onEnd}
            aria-label={t('settings.sessions.signOutNamed', {
              browser,
              date: dateTimeIn(language, session.lastSeenAt),
            })}
          >
            {t('settings.sessions.signOut')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
