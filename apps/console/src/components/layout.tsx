import { Anchor, Button, Container, Group, Loader, NativeSelect, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { api, ApiError, rememberCsrfToken, unwrap } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import { isLanguage } from '../i18n/language';
import { useMe } from '../session/use-me';
import { ErrorAlert } from './error-alert';
import { OfflineBanner } from './offline-banner';

/** The language menu, on every page. */
export function LanguageSelect() {
  const { language, choose, t } = useI18n();
  return (
    <NativeSelect
      label={t('nav.language')}
      size="xs"
      value={language}
      onChange={(event) => {
        if (isLanguage(event.currentTarget.value)) choose(event.currentTarget.value);
      }}
      data={[
        { value: 'en', label: 'English' },
        { value: 'fr', label: 'Français' },
      ]}
    />
  );
}

/** The pages of a signed-in person: the header, and the page; the sign-in page for anyone else. */
export function SignedInLayout() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/logout')),
    onSettled: () => {
      rememberCsrfToken(undefined);
      client.clear();
      window.location.assign('/sign-in');
    },
  });
  if (me.isPending) return <Loader aria-label={t('status.loading')} m="xl" />;
  if (me.error instanceof ApiError && me.error.code === 'UNAUTHENTICATED') {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (me.isError) return <ErrorAlert error={me.error} />;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <Container size="lg" py="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Group align="baseline">
              <Text fw={700}>{t('app.name')}</Text>
              <nav aria-label={t('app.name')}>
                <Anchor component={Link} to="/">
                  {t('nav.inbox')}
                </Anchor>
                <Anchor component={Link} to="/requests" ml="md">
                  {t('nav.requests')}
                </Anchor>
                <Anchor component={Link} to="/matrix" ml="md">
                  {t('nav.matrix')}
                </Anchor>
                {me.data.roles.includes('requester') ? (
                  <Anchor component={Link} to="/requests/new" ml="md">
                    {t('newRequest.nav')}
                  </Anchor>
                ) : null}
                {me.data.roles.includes('admin') ? (
                  <Anchor component={Link} to="/admin" ml="md">
                    {t('admin.heading')}
                  </Anchor>
                ) : null}
                <Anchor component={Link} to="/settings" ml="md">
                  {t('nav.settings')}
                </Anchor>
              </nav>
            </Group>
            <Group align="flex-end">
              <Text size="sm">{me.data.name ?? me.data.email}</Text>
              <LanguageSelect />
              <Button variant="default" size="xs" onClick={() => signOut.mutate()}>
                {t('nav.signOut')}
              </Button>
            </Group>
          </Group>
        </Container>
      </header>
      <Container size="lg" component="main" id="main" py="md">
        <OfflineBanner />
        <Outlet />
      </Container>
    </>
  );
}
