import { Card, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import type { HistoryEntry, Me, RequestView } from '../../api/api-client';
import { type MessageKey, en } from '../../i18n/messages.en';
import { useI18n } from '../../i18n/i18n';
import { useOrganizations } from '../../session/use-organizations';

/** The request's history, oldest first: who did what, under which letter, signed in how, and why. */
export function Timeline({
  request,
  history,
  me,
}: {
  request: RequestView;
  history: HistoryEntry[];
  me: Me;
}) {
  const { t, language } = useI18n();
  const organizations = useOrganizations();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const actor = (entry: HistoryEntry): string => {
    if (entry.actorId === null) return t('request.actor.engine');
    if (entry.actorId === me.id) return t('request.actor.you');
    if (entry.actorId === request.submittedBy.id) return request.submittedBy.name;
    const kind = organizations.data?.get(entry.actorOrganizationId ?? '')?.kind;
    return t('request.actor.party', {
      party: t(kind === 'provider' ? 'party.provider' : 'party.customer'),
    });
  };
  return (
    <Card withBorder component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading" mb="sm">
        {t('request.timeline')}
      </Title>
      <MantineTimeline bulletSize={14} lineWidth={2} active={history.length - 1}>
        {history.map((entry) => {
          const key = `event.${entry.event}`;
          const what = key in en ? t(key as MessageKey) : entry.event;
          const details = [
            entry.letter ? t('timeline.as', { letter: entry.letter }) : null,
            entry.authentication
              ? t('timeline.via', { method: authMethod(t, entry.authentication.method) })
              : null,
          ].filter(Boolean);
          return (
            <MantineTimeline.Item key={entry.id} title={`${actor(entry)}: ${what}`}>
              {details.length ? <Text size="sm">{details.join(', ')}</Text> : null}
              {entry.comment ? (
                <Text size="sm" component="blockquote" m={0} fs="italic">
                  {entry.comment}
                </Text>
              ) : null}
              <Text size="xs" c="gray.7">
                <time dateTime={entry.createdAt}>{when.format(new Date(entry.createdAt))}</time>
              </Text>
            </MantineTimeline.Item>
          );
        })}
      </MantineTimeline>
    </Card>
  );
}

function authMethod(t: ReturnType<typeof useI18n>['t'], method: string): string {
  const key = `auth.${method}`;
  return key in en ? t(key as MessageKey) : method;
}
