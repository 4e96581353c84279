import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/api-client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { FormDialog } from '../../components/form-dialog';
import { useI18n } from '../../i18n/i18n';
import { fromLocalInput, localInputValue } from '../../components/local-date-time';
import { delegationStatus } from './delegation-view';
import { dateTimeIn } from './settings-view';

type Delegation = Schemas['DelegationResponse'];
type Person = Schemas['PersonResponse'];

/**
 * Stand-ins: the delegations the person gave and received (an admin: their organization's), each
 * still to come or running with "End", and "Delegate my decisions" to hand them to a colleague.
 */
export function DelegationsSection({ userId }: { userId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Delegation | null>(null);
  const [status, setStatus] = useState('');
  const delegations = useQuery({
    queryKey: ['delegations'],
    queryFn: () => unwrap(api.GET('/v1/delegations', { params: { query: { limit: 100 } } })),
  });
  const people = useQuery({
    queryKey: ['delegation-candidates'],
    queryFn: () => unwrap(api.GET('/v1/delegations/candidates')),
  });
  const byId = new Map((people.data?.items ?? []).map((person) => [person.id, person]));
  const nameOf = (id: string) =>
    id === userId ? t('delegations.you') : (byId.get(id)?.name ?? t('delegations.formerMember'));
  const changed = (words: string) => {
    setStatus(words);
    void client.invalidateQueries({ queryKey: ['delegations'] });
  };
  const items = delegations.data?.items ?? [];
  return (
    <section aria-labelledby="settings-delegations">
      <Title order={2} size="h3" id="settings-delegations" mb="xs">
        {t('delegations.heading')}
      </Title>
      <Text size="sm" mb="xs">
        {t('delegations.hint')}
      </Text>
      <Text role="status">{status}</Text>
      {delegations.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {delegations.isError ? <ErrorAlert error={delegations.error} /> : null}
      {delegations.isSuccess && items.length === 0 ? <Text>{t('delegations.empty')}</Text> : null}
      <Stack component="ul" gap="xs" p={0} className="plain-list">
        {items.map((delegation) => (
          <DelegationEntry
            key={delegation.id}
            delegation={delegation}
            nameOf={nameOf}
            onEnd={() => setEnding(delegation)}
          />
        ))}
      </Stack>
      <Button mt="sm" onClick={() => setCreating(true)}>
        {t('delegations.new')}
      </Button>
      {creating ? (
        <NewDelegationDialog
          candidates={(people.data?.items ?? []).filter((person) => person.id !== userId)}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            changed(t('delegations.created'));
          }}
        />
      ) : null}
      {ending ? (
        <ConfirmDialog
          title={t('delegations.endTitle')}
          text={t('delegations.endText', { name: nameOf(ending.delegateId) })}
          onConfirm={() =>
            unwrap(api.DELETE('/v1/delegations/{id}', { params: { path: { id: ending.id } } }))
          }
          onClose={() => setEnding(null)}
          onDone={() => {
            setEnding(null);
            changed(t('delegations.ended'));
          }}
        />
      ) : null}
    </section>
  );
}

function DelegationEntry(props: {
  delegation: Delegation;
  nameOf: (id: string) => string;
  onEnd: () => void;
}) {
  const { delegation, nameOf, onEnd } = props;
  const { t, language } = useI18n();
  const state = delegationStatus(delegation, new Date());
  const summary = t('delegations.summary', {
    delegator: nameOf(delegation.delegatorId),
    delegate: nameOf(delegation.delegateId),
  });
  return (
    <Card component="li" withBorder padding="sm" aria-label={summary}>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{summary}</Text>
            <Badge variant={state === 'active' ? 'light' : 'default'}>
              {t(`delegations.status.${state}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {t('delegations.window', {
              from: dateTimeIn(language, delegation.startsAt),
              to: dateTimeIn(language, delegation.endedAt ?? delegation.endsAt),
            })}
          </Text>
          <Text size="sm">
            {t('delegations.roles', {
              roles: delegation.roles.map((role) => t(`admin.role.${role}`)).join(', '),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {delegation.reason}
          </Text>
        </Stack>
        {state === 'over' ? null : (
          <Button
            variant="default"
            onClick={onEnd}
            aria-label={t('delegations.endNamed', { summary })}
          >
            {t('delegations.end')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** "Delegate my decisions": to whom, from when to when, and why. */
function NewDelegationDialog(props: {
  candidates: Person[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [delegateId, setDelegateId] = useState('');
  const [startsAt, setStartsAt] = useState(localInputValue(new Date()));
  const [endsAt, setEndsAt] = useState('');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const from = fromLocalInput(startsAt);
      const to = fromLocalInput(endsAt);
      return unwrap(
        api.POST('/v1/delegations', {
          body: {
            delegateId,
            // An unreadable moment goes as given: the engine refuses it in words.
            startsAt: from ? from.toISOString() : startsAt,
            endsAt: to ? to.toISOString() : endsAt,
            reason,
          },
        }),
      );
    },
    onSuccess: props.onDone,
  });
  return (
    <FormDialog
      title={t('delegations.new')}
      onClose={props.onClose}
      onSubmit={() => save.mutate()}
      saving={save}
    >
      <NativeSelect
        label={t('delegations.delegate')}
        data={[
          { value: '', label: t('delegations.choose'), disabled: true },
          ...props.candidates.map((person) => ({
            value: person.id,
            label: `${person.name} (${person.email})`,
          })),
        ]}
        value={delegateId}
        onChange={(event) => setDelegateId(event.currentTarget.value)}
        required
      />
      <TextInput
        type="datetime-local"
        label={t('delegations.startsAt')}
        value={startsAt}
        onChange={(event) => setStartsAt(event.currentTarget.value)}
        required
      />
      <TextInput
        type="datetime-local"
        label={t('delegations.endsAt')}
        value={endsAt}
        onChange={(event) => setEndsAt(event.currentTarget.value)}
        required
      />
      <TextInput
        label={t('delegations.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        required
      />
    </FormDialog>
  );
}
