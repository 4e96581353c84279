import { Button, Card, Group, Loader, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { useI18n } from '../../i18n/i18n';
import { OrganizationChoice } from './organization-choice';
import { StatusMessage } from './status-message';
import { useAdminScope, useChosenOrganization } from './use-admin-scope';
import { useSetQuotaPackages } from './use-organization-changes';
import { When } from './when';

type Usage = Schemas['QuotaUsageResponse'];

/** "Quota": each quota of a customer, used and remaining in its period; packages for provider admins. */
export function QuotaPage() {
  const { t } = useI18n();
  const { isProviderAdmin } = useAdminScope();
  const org = useChosenOrganization({ customersOnly: true });
  const quota = useQuery({
    queryKey: ['quota', org.id],
    queryFn: () =>
      unwrap(api.GET('/v1/organizations/{id}/quota', { params: { path: { id: org.id ?? '' } } })),
    enabled: org.id !== undefined,
  });
  const [editing, setEditing] = useState<Usage | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('admin.nav.quota')}</Title>
      <OrganizationChoice value={org.id} choices={org.choices} onChange={org.choose} />
      <StatusMessage>{done}</StatusMessage>
      {org.organizations.data && !org.id ? <Text>{t('admin.quota.noCustomer')}</Text> : null}
      {quota.isPending && org.id ? <Loader aria-label={t('status.loading')} /> : null}
      {quota.isError ? <ErrorAlert error={quota.error} /> : null}
      {quota.data?.items.length === 0 ? <Text>{t('admin.quota.none')}</Text> : null}
      <Stack component="ul" gap="xs" className="plain-list">
        {quota.data?.items.map((usage) => (
          <Card component="li" withBorder padding="sm" key={`${usage.action}-${usage.unit}`}>
            <Group justify="space-between" wrap="wrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={600} component="h3" className="break-anywhere">
                  {usage.unit}
                </Text>
                <Text size="sm">
                  {t('admin.quota.used', { used: usage.used, remaining: usage.remaining })}
                </Text>
                <Text size="sm">
                  {t('admin.quota.allowed', {
                    allowed: usage.allowed,
                    included: usage.included,
                    packages: usage.packages,
                  })}{' '}
                  {t('admin.quota.period', { months: usage.period.months })}{' '}
                  <When at={usage.period.start} /> – <When at={usage.period.end} />
                </Text>
              </Stack>
              {isProviderAdmin && org.id ? (
                <Button
                  variant="default"
                  size="xs"
                  aria-label={t('admin.quota.packagesOf', { unit: usage.unit })}
                  onClick={() => {
                    setDone(null);
                    setEditing(usage);
                  }}
                >
                  {t('admin.quota.packages')}
                </Button>
              ) : null}
            </Group>
          </Card>
        ))}
      </Stack>
      {editing && org.id ? (
        <PackagesDialog
          organizationId={org.id}
          usage={editing}
          onClose={() => setEditing(null)}
          onDone={(packages) => {
            setEditing(null);
            setDone(t('admin.quota.saved', { unit: editing.unit, packages }));
          }}
        />
      ) : null}
    </Stack>
  );
}

/** "Quota packages": how many extra packages of a unit the customer bought, and "Save". */
function PackagesDialog({
  organizationId,
  usage,
  onClose,
  onDone,
}: {
  organizationId: string;
  usage: Usage;
  onClose: () => void;
  onDone: (packages: number) => void;
}) {
  const { t } = useI18n();
  const save = useSetQuotaPackages();
  const [packages, setPackages] = useState<number | string>(usage.packages);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = Number(packages);
    save.mutate(
      { id: organizationId, unit: usage.unit, packages: count },
      { onSuccess: () => onDone(count) },
    );
  };
  return (
    <ModalDialog
      title={t('admin.quota.packagesOf', { unit: usage.unit })}
      closeLabel={t('dialog.close')}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <Stack>
          <NumberInput
            label={t('admin.quota.packageCount')}
            description={t('admin.quota.packageSize', { size: usage.packageSize })}
            min={0}
            max={1000}
            allowDecimal={false}
            required
            value={packages}
            onChange={setPackages}
          />
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ModalDialog>
  );
}
