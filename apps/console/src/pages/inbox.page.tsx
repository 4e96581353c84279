import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useState } from 'react';
import { type InboxItem } from '../api/api-client';
import { DueDate } from '../components/due-date';
import { ErrorAlert } from '../components/error-alert';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/use-me';
import { useOrganizations } from '../session/use-organizations';
import { groupInbox } from './inbox-groups';
import { inboxQuery } from './inbox-query';
import { useLiveInbox } from './use-live-inbox';

/** Items drawn per group at first; the rest on demand, so a long inbox shows at once. */
const FIRST_DRAWN = 50;

/** The home page: what waits on the person, grouped by why, oldest due first. */
export function InboxPage() {
  const { t } = useI18n();
  const organizations = useOrganizations();
  const inbox = useQuery(inboxQuery);
  const me = useMe();
  const navigate = useNavigate();
  const [whole, setWhole] = useState<ReadonlySet<string>>(new Set());
  useLiveInbox();
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('inbox.heading')}</Title>
        {me.data?.roles.includes('requester') ? (
          <Button onClick={() => void navigate('/requests/new')}>{t('newRequest.nav')}</Button>
        ) : null}
      </Group>
      {inbox.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {inbox.isError ? <ErrorAlert error={inbox.error} /> : null}
      {inbox.data && inbox.data.items.length === 0 ? <Text>{t('inbox.empty')}</Text> : null}
      {inbox.data
        ? groupInbox(inbox.data.items).map((group) => (
            <section key={group.reason} aria-labelledby={`inbox-${group.reason}`}>
              <Title order={2} size="h3" id={`inbox-${group.reason}`} mb="xs">
                {t(`inbox.reason.${group.reason}`)}{' '}
                <Badge variant="light" component="span">
                  {group.items.length}
                </Badge>
              </Title>
              <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
                {(whole.has(group.reason) ? group.items : group.items.slice(0, FIRST_DRAWN)).map(
                  (item) => (
                    <InboxEntry
                      key={item.id}
                      item={item}
                      organization={organizations.data?.get(item.organizationId)?.name ?? ''}
                    />
                  ),
                )}
              </Stack>
              {!whole.has(group.reason) && group.items.length > FIRST_DRAWN ? (
                <Button
                  variant="default"
                  size="xs"
                  mt="xs"
                  onClick={() => setWhole(new Set([...whole, group.reason]))}
                >
                  {t('inbox.showAll', { count: group.items.length })}
                </Button>
              ) : null}
            </section>
          ))
        : null}
    </Stack>
  );
}

/** One item; the organization's name comes from the page's one query of them. */
function InboxEntry({ item, organization }: { item: InboxItem; organization: string }) {
  const { t } = useI18n();
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Anchor component={Link} to={`/requests/${item.id}`} fw={600}>
            {item.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {organization}
          </Text>
          {item.onBehalfOf ? (
            <Badge variant="light" w="fit-content">
              {t('inbox.onBehalfOf', { name: item.onBehalfOf.name })}
            </Badge>
          ) : null}
        </Stack>
        <DueDate dueAt={item.dueAt} />
      </Group>
      {item.reason === 'approve' && item.opinions.length > 0 ? (
        <Text size="sm">
          {t('inbox.opinions', {
            list: item.opinions
              .map(
                (o) =>
                  `${t(`party.${o.party}`)}: ${t(o.opinion === 'agree' ? 'dialog.agree' : 'dialog.disagree')}`,
              )
              .join('; '),
          })}
        </Text>
      ) : null}
    </Card>
  );
}
