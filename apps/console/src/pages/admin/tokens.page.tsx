import { Loader, NativeSelect, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Me, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { TokenList } from '../../components/token-list';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { useOrganizations } from '../../session/use-organizations';

/**
 * An admin's view of the tokens of their organization's users (a provider admin: of any
 * organization's), each revocable. The administration's layout turns anyone else away.
 */
export function AdminTokensPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.data) return <Loader aria-label={t('status.loading')} />;
  return (
    <Stack>
      <Title order={2}>{t('adminTokens.heading')}</Title>
      <UserTokens me={me.data} />
    </Stack>
  );
}

function UserTokens({ me }: { me: Me }) {
  const { t } = useI18n();
  const provider = me.organization.kind === 'provider';
  const [organizationId, setOrganizationId] = useState(me.organization.id);
  const [userId, setUserId] = useState('');
  const organizations = useOrganizations();
  const users = useQuery({
    queryKey: ['organization-users', organizationId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/organizations/{id}/users', {
          params: { path: { id: organizationId }, query: { limit: 200 } },
        }),
      ),
  });
  return (
    <Stack>
      {provider ? (
        <NativeSelect
          label={t('adminTokens.organization')}
          value={organizationId}
          onChange={(event) => {
            setOrganizationId(event.currentTarget.value);
            setUserId('');
          }}
          data={[...(organizations.data?.values() ?? [])].map((organization) => ({
            value: organization.id,
            label: organization.name,
          }))}
        />
      ) : null}
      {users.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {users.data ? (
        <NativeSelect
          label={t('adminTokens.user')}
          value={userId}
          onChange={(event) => setUserId(event.currentTarget.value)}
          data={[
            { value: '', label: t('adminTokens.pickUser') },
            ...users.data.items.map((user) => ({
              value: user.id,
              label: `${user.name} <${user.email}>`,
            })),
          ]}
        />
      ) : null}
      {userId ? <TokenList key={userId} userId={userId} /> : null}
    </Stack>
  );
}
