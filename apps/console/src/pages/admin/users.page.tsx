import { Badge, Button, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/i18n';
import { FIRST_PAGE } from './admin-forms';
import { OrganizationChoice } from './organization-choice';
import { Pager } from './pager';
import { StatusMessage } from './status-message';
import { useChosenOrganization } from './use-admin-scope';
import { type User, useUpdateUser, useUsers } from './use-users';
import { UserDialog } from './user-dialog';

type Editing = { kind: 'add' } | { kind: 'edit'; user: User } | { kind: 'active'; user: User };

/** "Users": an organization's users and their roles; add, edit, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useI18n();
  const org = useChosenOrganization();
  const [trail, setTrail] = useState(FIRST_PAGE);
  const users = useUsers(org.id, trail.current);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState<{ text: string; token?: string } | null>(null);
  const open = (next: Editing) => {
    setDone(null);
    setEditing(next);
  };
  const finish = (text: string, token?: string) => {
    setEditing(null);
    setDone({ text, token });
  };
  return (
    <Stack>
      <Title order={2}>{t('admin.nav.users')}</Title>
      <OrganizationChoice
        value={org.id}
        choices={org.choices}
        onChange={(id) => {
          setTrail(FIRST_PAGE);
          org.choose(id);
        }}
      />
      <StatusMessage>
        {done ? (
          <>
            {done.text}
            {done.token ? (
              <Text size="sm" mt="xs">
                {t('admin.users.token')} <Code className="secret">{done.token}</Code>
              </Text>
            ) : null}
          </>
        ) : null}
      </StatusMessage>
      <Group>
        <Button onClick={() => open({ kind: 'add' })} disabled={!org.id}>
          {t('admin.users.add')}
        </Button>
      </Group>
      {users.isPending && org.id ? <Loader aria-label={t('status.loading')} /> : null}
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      <Stack component="ul" gap="xs" className="plain-list">
        {users.data?.items.map((user) => (
          <Card component="li" withBorder padding="sm" key={user.id}>
            <Group justify="space-between" wrap="wrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={600} component="h3">
                  {user.name}
                  {user.active ? null : (
                    <Badge color="dark" variant="outline" ml="xs" component="span">
                      {t('admin.users.inactive')}
                    </Badge>
                  )}
                </Text>
                <Text size="sm" className="break-anywhere">
                  {user.email} · {t(`admin.kind.${user.kind}`)}
                </Text>
                <Text size="sm">
                  {user.roles.length > 0
                    ? user.roles.map((role) => t(`admin.role.${role}`)).join(', ')
                    : t('admin.users.noRoles')}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  aria-label={t('admin.users.edit', { name: user.name })}
                  onClick={() => open({ kind: 'edit', user })}
                >
                  {t('admin.edit')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  color={user.active ? 'red' : undefined}
                  aria-label={t(
                    user.active ? 'admin.users.deactivateOne' : 'admin.users.reactivateOne',
                    {
                      name: user.name,
                    },
                  )}
                  onClick={() => open({ kind: 'active', user })}
                >
                  {t(user.active ? 'admin.users.deactivate' : 'admin.users.reactivate')}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <Pager trail={trail} nextCursor={users.data?.nextCursor} onChange={setTrail} />
      {editing && org.id && editing.kind !== 'active' ? (
        <UserDialog
          organizationId={org.id}
          user={editing.kind === 'edit' ? editing.user : undefined}
          onClose={() => setEditing(null)}
          onDone={(name, token) =>
            finish(t(token ? 'admin.users.created' : 'admin.users.saved', { name }), token)
          }
        />
      ) : null}
      {editing?.kind === 'active' ? (
        <ActiveDialog
          user={editing.user}
          onClose={() => setEditing(null)}
          onDone={(text) => finish(text)}
        />
      ) : null}
    </Stack>
  );
}

/** "Deactivate" (or "Reactivate") a user, once confirmed. */
function ActiveDialog({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useI18n();
  const update = useUpdateUser();
  const deactivating = user.active;
  const values = { name: user.name };
  return (
    <ModalDialog
      title={t(deactivating ? 'admin.users.deactivateOne' : 'admin.users.reactivateOne', values)}
      closeLabel={t('dialog.close')}
      onClose={onClose}
    >
      <Stack>
        <Text>
          {t(deactivating ? 'admin.users.deactivateWhat' : 'admin.users.reactivateWhat', values)}
        </Text>
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end">
          <Button
            color={deactivating ? 'red' : undefined}
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { id: user.id, change: { active: !deactivating } },
                {
                  onSuccess: () =>
                    onDone(
                      t(
                        deactivating ? 'admin.users.deactivated' : 'admin.users.reactivated',
                        values,
                      ),
                    ),
                },
              )
            }
          >
            {t('dialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </ModalDialog>
  );
}
