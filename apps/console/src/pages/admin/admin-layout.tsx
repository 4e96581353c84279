import { Alert, Anchor, Group, Stack, Title } from '@mantine/core';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { useAdminScope } from './use-admin-scope';

interface Section {
  path: string;
  label: MessageKey;
  providerOnly?: boolean;
}

/** The administration's pages, in the order of the sub-navigation. */
export const ADMIN_SECTIONS: readonly Section[] = [
  { path: '/admin/organizations', label: 'admin.nav.organizations' },
  { path: '/admin/users', label: 'admin.nav.users' },
  { path: '/admin/tokens', label: 'admin.nav.tokens' },
  { path: '/admin/webhooks', label: 'admin.nav.webhooks' },
  { path: '/admin/mail', label: 'admin.nav.mail', providerOnly: true },
  { path: '/admin/quota', label: 'admin.nav.quota' },
  { path: '/admin/audit', label: 'admin.nav.audit' },
];

/**
 * The administration: its sub-navigation and the page. Anyone without the admin role is told they
 * may not be here (the engine refuses their calls anyway).
 */
export function AdminLayout() {
  const { t } = useI18n();
  const { isAdmin, isProviderAdmin } = useAdminScope();
  const { search } = useLocation();
  const org = new URLSearchParams(search).get('org');
  if (!isAdmin) {
    return (
      <Stack>
        <Title order={1}>{t('admin.heading')}</Title>
        <Alert color="red" role="alert">
          {t('admin.notAllowed')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={1}>{t('admin.heading')}</Title>
      <nav aria-label={t('admin.nav.label')}>
        <Group gap="md" wrap="wrap" component="ul" className="admin-nav">
          {ADMIN_SECTIONS.filter((section) => isProviderAdmin || !section.providerOnly).map(
            (section) => (
              <li key={section.path}>
                <Anchor
                  component={NavLink}
                  to={org ? `${section.path}?org=${encodeURIComponent(org)}` : section.path}
                  className="admin-nav-link"
                >
                  {t(section.label)}
                </Anchor>
              </li>
            ),
          )}
        </Group>
      </nav>
      <Outlet />
    </Stack>
  );
}
