import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap, type Verb } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { useOrganizations } from '../../session/use-organizations';
import { ActionDialog } from './action-dialog';
import { Parameters } from './parameters';
import { RaciCard } from './raci-card';
import { Timeline } from './timeline';

/**
 * One request, its whole story: parameters, RACI card, timeline, and the verbs the person may do
 * now, as the engine says (`GET /v1/requests/{id}/actions`). Email links land here.
 */
export function RequestPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const client = useQueryClient();
  const me = useMe();
  const organizations = useOrganizations();
  const [done, setDone] = useState<Verb | null>(null);
  const path = { params: { path: { id } } };
  const request = useQuery({
    queryKey: ['request', id],
    queryFn: () => unwrap(api.GET('/v1/requests/{id}', path)),
  });
  const history = useQuery({
    queryKey: ['request', id, 'history'],
    queryFn: () =>
      unwrap(
        api.GET('/v1/requests/{id}/history', { params: { ...path.params, query: { limit: 200 } } }),
      ),
  });
  const provider = me.data?.organization.kind === 'provider';
  const comments = useQuery({
    queryKey: ['request', id, 'comments'],
    queryFn: () =>
      unwrap(
        api.GET('/v1/requests/{id}/comments', {
          params: { ...path.params, query: { limit: 200 } },
        }),
      ),
    // Internal comments are the provider's: a customer has none to show.
    enabled: provider,
  });
  const actions = useQuery({
    queryKey: ['request', id, 'actions'],
    queryFn: () => unwrap(api.GET('/v1/requests/{id}/actions', path)),
  });
  const open = search.get('act') as Verb | null;
  const openable = actions.data?.items.some((action) => action.verb === open) ? open : null;
  const setOpen = (verb: Verb | null) => setSearch(verb ? { act: verb } : {}, { replace: true });
  const refresh = () => client.invalidateQueries({ queryKey: ['request', id] });

  if (request.isError) return <ErrorAlert error={request.error} />;
  if (!request.data || !me.data) return <Loader aria-label={t('status.loading')} />;
  const organization = organizations.data?.get(request.data.organizationId)?.name ?? '';
  return (
    <Stack>
      <div>
        <Title order={1}>{request.data.title}</Title>
        <Text c="gray.7">
          {organization ? `${organization} · ` : ''}
          {t(`state.${request.data.state}`)}
        </Text>
      </div>
      {done ? (
        <Alert color="green" role="status" withCloseButton onClose={() => setDone(null)}>
          {t('dialog.done', { verb: t(`verb.${done}`) })}
        </Alert>
      ) : null}
      <Card withBorder component="section" aria-labelledby="actions-heading">
        <Title order={2} size="h3" id="actions-heading" mb="xs">
          {t('request.actions')}
        </Title>
        {actions.isError ? <ErrorAlert error={actions.error} /> : null}
        {actions.data && actions.data.items.length === 0 ? (
          <Text>{t('request.noActions')}</Text>
        ) : null}
        <Group>
          {actions.data?.items.map(({ verb, stepUp }) => (
            <Button
              key={verb}
              variant={verb === 'approve' ? 'filled' : 'default'}
              onClick={() => {
                setDone(null);
                setOpen(verb);
              }}
              title={stepUp ? t('request.stepUp') : undefined}
            >
              {t(`verb.${verb}`)}
            </Button>
          ))}
        </Group>
      </Card>
      <div className="two-columns">
        <Parameters params={request.data.params} result={request.data.result} />
        <RaciCard request={request.data} />
      </div>
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {comments.isError ? <ErrorAlert error={comments.error} /> : null}
      {history.data ? (
        <Timeline
          request={request.data}
          history={history.data.items}
          internalComments={
            provider ? (comments.data?.items.filter((comment) => comment.internal) ?? []) : []
          }
          me={me.data}
        />
      ) : null}
      {openable ? (
        <ActionDialog
          requestId={id}
          verb={openable}
          provider={provider}
          onClose={() => setOpen(null)}
          onDone={(verb) => {
            setOpen(null);
            setDone(verb);
            void refresh();
            void client.invalidateQueries({ queryKey: ['inbox'] });
          }}
          onRefused={() => void refresh()}
        />
      ) : null}
    </Stack>
  );
}
