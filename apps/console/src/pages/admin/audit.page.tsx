import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { type Translate, useI18n } from '../../i18n/i18n';
import { changeLines, FIRST_PAGE } from './admin-forms';
import { OrganizationChoice } from './organization-choice';
import { Pager } from './pager';
import { useAdminScope, useChosenOrganization } from './use-admin-scope';
import { useUsers } from './use-users';
import { type AdminEvent, useAdminEvents, useVerifyAdminEvents } from './use-admin-events';
import { When } from './when';

/** "Audit log": who changed what in an organization's administration, and "Verify" its chain. */
export function AuditPage() {
  const { t } = useI18n();
  const org = useChosenOrganization();
  const [trail, setTrail] = useState(FIRST_PAGE);
  const events = useAdminEvents(org.id, trail.current);
  const verify = useVerifyAdminEvents(org.id);
  const users = useUsers(org.id, undefined);
  const names = new Map(users.data?.items.map((user) => [user.id, user.name]));
  return (
    <Stack>
      <Title order={2}>{t('admin.nav.audit')}</Title>
      <OrganizationChoice
        value={org.id}
        choices={org.choices}
        onChange={(id) => {
          setTrail(FIRST_PAGE);
          org.choose(id);
        }}
      />
      <Group>
        <Button variant="default" loading={verify.isFetching} onClick={() => void verify.refetch()}>
          {t('admin.audit.verify')}
        </Button>
      </Group>
      <div role="status">
        {verify.data && !verify.isFetching ? (
          <Alert color={verify.data.ok ? 'green' : 'red'} variant="light">
            {verify.data.ok
              ? t('admin.audit.intact', { checked: verify.data.checked })
              : t('admin.audit.broken', {
                  checked: verify.data.checked,
                  seq: verify.data.firstBroken?.seq ?? '?',
                  problem: verify.data.firstBroken?.problem ?? '',
                })}
          </Alert>
        ) : null}
      </div>
      {verify.isError ? <ErrorAlert error={verify.error} /> : null}
      {events.isPending && org.id ? <Loader aria-label={t('status.loading')} /> : null}
      {events.isError ? <ErrorAlert error={events.error} /> : null}
      {events.data?.items.length === 0 ? <Text>{t('admin.audit.none')}</Text> : null}
      <Stack component="ol" gap="xs" className="plain-list">
        {events.data?.items.map((event) => (
          <EventCard key={event.id} event={event} names={names} />
        ))}
      </Stack>
      <Pager trail={trail} nextCursor={events.data?.nextCursor} onChange={setTrail} />
    </Stack>
  );
}

function EventCard({ event, names }: { event: AdminEvent; names: Map<string, string> }) {
  const { t } = useI18n();
  const { me } = useAdminScope();
  return (
    <Card component="li" withBorder padding="sm">
      <Text fw={600} component="h3">
        {t(`admin.action.${event.action}`)}
      </Text>
      <Text size="sm" className="break-anywhere">
        #{event.seq} · <When at={event.createdAt} /> · {actorOf(t, event, me?.id, names)} ·{' '}
        {t(`admin.subject.${event.subjectType}`)} {names.get(event.subjectId) ?? event.subjectId}
      </Text>
      {changeLines(event.changes).map((line) => (
        <Text size="sm" key={line} className="break-anywhere">
          {line}
        </Text>
      ))}
    </Card>
  );
}

/** Who made the change: "You", a user of the organization by name, else where they came from. */
function actorOf(
  t: Translate,
  event: AdminEvent,
  myId: string | null | undefined,
  names: Map<string, string>,
): string {
  if (event.actorId === null) return t('admin.audit.bootstrap');
  if (event.actorId === myId) return t('request.actor.you');
  const name = names.get(event.actorId);
  if (name) return name;
  return event.actorOrganizationId === event.organizationId
    ? t('admin.audit.someone', { id: event.actorId })
    : t('admin.audit.provider', { id: event.actorId });
}
