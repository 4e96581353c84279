import { Badge, Card, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import type { Comment, HistoryEntry, Me, RequestView } from '../../api/api-client';
import { type MessageKey, en } from '../../i18n/messages.en';
import { useI18n } from '../../i18n/i18n';
import { useOrganizations } from '../../session/use-organizations';
import { valueText } from './value-text';

/** One line of the timeline: an entry of the history, or an internal comment (the provider's). */
type Line = { kind: 'history'; entry: HistoryEntry } | { kind: 'internal'; comment: Comment };

/**
 * The request's history, oldest first: who did what, under which letter, signed in how, and why;
 * for a provider viewer, its internal comments among it, marked as such.
 */
export function Timeline({
  request,
  history,
  internalComments,
  me,
}: {
  request: RequestView;
  history: HistoryEntry[];
  /** Only a provider viewer has any: the engine never shows them to a customer. */
  internalComments: Comment[];
  me: Me;
}) {
  const { t, language } = useI18n();
  const organizations = useOrganizations();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const person = (id: string | null, name: string | null, organizationId: string | null) => {
    if (id === null) return t('request.actor.engine');
    if (id === me.id) return t('request.actor.you');
    if (name) return name;
    if (id === request.submittedBy.id) return request.submittedBy.name;
    const kind = organizations.data?.get(organizationId ?? '')?.kind;
    return t('request.actor.party', {
      party: t(kind === 'provider' ? 'party.provider' : 'party.customer'),
    });
  };
  const lines = timelineLines(history, internalComments);
  return (
    <Card withBorder component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading" mb="sm">
        {t('request.timeline')}
      </Title>
      <MantineTimeline bulletSize={14} lineWidth={2} active={lines.length - 1}>
        {lines.map((line) => {
          if (line.kind === 'internal') {
            const { comment } = line;
            const who = person(comment.authorId, comment.authorName, me.organization.id);
            return (
              <MantineTimeline.Item
                key={comment.id}
                title={
                  <>
                    <Badge color="dark" variant="filled" mr="xs" component="span">
                      {t('timeline.internal')}
                    </Badge>
                    {`${who}: ${t('timeline.internalComment')}`}
                  </>
                }
              >
                <Text size="sm" component="blockquote" m={0} fs="italic">
                  {comment.body}
                </Text>
                <When at={comment.createdAt} format={when} />
              </MantineTimeline.Item>
            );
          }
          const { entry } = line;
          const key = `event.${entry.event}`;
          const what = key in en ? t(key as MessageKey) : entry.event;
          const details = [
            entry.letter ? t('timeline.as', { letter: entry.letter }) : null,
            entry.onBehalfOf
              ? t('timeline.onBehalfOf', { name: entry.onBehalfOfName ?? entry.onBehalfOf })
              : null,
            entry.authentication
              ? t('timeline.via', { method: authMethod(t, entry.authentication.method) })
              : null,
          ].filter(Boolean);
          const who = person(entry.actorId, entry.actorName, entry.actorOrganizationId);
          return (
            <MantineTimeline.Item key={entry.id} title={`${who}: ${what}`}>
              {details.length ? <Text size="sm">{details.join(', ')}</Text> : null}
              {entry.comment ? (
                <Text size="sm" component="blockquote" m={0} fs="italic">
                  {entry.comment}
                </Text>
              ) : null}
              {entry.event === 'request.completed' && request.result !== null ? (
                <Text size="sm" className="break-anywhere">
                  {t('timeline.result', { result: valueText(request.result) })}
                </Text>
              ) : null}
              <When at={entry.createdAt} format={when} />
            </MantineTimeline.Item>
          );
        })}
      </MantineTimeline>
    </Card>
  );
}

function When({ at, format }: { at: string; format: Intl.DateTimeFormat }) {
  return (
    <Text size="xs" c="gray.7">
      <time dateTime={at}>{format.format(new Date(at))}</time>
    </Text>
  );
}

/** The history and the internal comments in one list, oldest first (the history's order kept). */
function timelineLines(history: HistoryEntry[], internal: Comment[]): Line[] {
  const lines: Line[] = history.map((entry) => ({ kind: 'history', entry }));
  for (const comment of internal) {
    const at = Date.parse(comment.createdAt);
    const after = lines.findIndex(
      (line) => line.kind === 'history' && Date.parse(line.entry.createdAt) > at,
    );
    lines.splice(after === -1 ? lines.length : after, 0, { kind: 'internal', comment });
  }
  return lines;
}

function authMethod(t: ReturnType<typeof useI18n>['t'], method: string): string {
  const key = `auth.${method}`;
  return key in en ? t(key as MessageKey) : method;
}
