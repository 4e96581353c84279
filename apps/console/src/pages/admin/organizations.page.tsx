import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { OrganizationDialog } from './organization-dialog';
import { StatusMessage } from './status-message';
import { type Organization, useAdminScope, useChosenOrganization } from './use-admin-scope';

/**
 * "Organizations": every organization for a provider admin, its own for a customer admin; each
 * with its subscription and contacts, and "Edit".
 */
export function OrganizationsPage() {
  const { t } = useI18n();
  const { isProviderAdmin } = useAdminScope();
  const { choices, organizations } = useChosenOrganization();
  const [editing, setEditing] = useState<Organization | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('admin.nav.organizations')}</Title>
      <StatusMessage>{done}</StatusMessage>
      {organizations.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {organizations.isError ? <ErrorAlert error={organizations.error} /> : null}
      <Stack component="ul" gap="xs" className="plain-list">
        {choices.map((organization) => (
          <Card component="li" withBorder padding="sm" key={organization.id}>
            <Group justify="space-between" wrap="wrap" align="flex-start">
              <Stack gap={2}>
                <Text fw={600} component="h3">
                  {organization.name}
                </Text>
                <Text size="sm">
                  {t(`party.${organization.kind}`)}
                  {organization.subscription
                    ? ` · ${t(`admin.plan.${organization.subscription.plan}`)}${
                        organization.subscription.onDemand
                          ? ` · ${t('admin.organizations.onDemand')}`
                          : ''
                      }`
                    : ''}
                  {` · ${organization.locale === 'fr' ? 'Français' : 'English'}`}
                </Text>
                <Text size="sm" c="dimmed">
                  {organization.contactEmails.length > 0
                    ? t('admin.organizations.contactList', {
                        list: organization.contactEmails.join(', '),
                      })
                    : t('admin.organizations.noContacts')}
                </Text>
              </Stack>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setDone(null);
                  setEditing(organization);
                }}
                aria-label={t('admin.organizations.edit', { name: organization.name })}
              >
                {t('admin.edit')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      {editing ? (
        <OrganizationDialog
          organization={editing}
          withSubscription={isProviderAdmin}
          onClose={() => setEditing(null)}
          onDone={(name) => {
            setEditing(null);
            setDone(t('admin.organizations.saved', { name }));
          }}
        />
      ) : null}
    </Stack>
  );
}
