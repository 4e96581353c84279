import { MantineProvider, Text, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/api-client';
import { SignedInLayout } from './components/layout';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AdminTokensPage } from './pages/admin/tokens.page';
import { AdminLayout } from './pages/admin/admin-layout';
import { AuditPage } from './pages/admin/audit.page';
import { MailPage } from './pages/admin/mail.page';
import { OrganizationsPage } from './pages/admin/organizations.page';
import { QuotaPage } from './pages/admin/quota.page';
import { UsersPage } from './pages/admin/users.page';
import { WebhooksPage } from './pages/admin/webhooks.page';
import { InboxPage } from './pages/inbox.page';
import { LazyNewRequestPage } from './pages/new-request/lazy-new-request.page';
import { SettingsPage } from './pages/settings/settings.page';
import { MatrixPage } from './pages/matrix/matrix.page';
import { RequestPage } from './pages/request/request.page';
import { RequestsPage } from './pages/requests/requests.page';
import { SignInPage } from './pages/sign-in.page';

/** Errors worth another try: no answer, or an engine that is busy; never a refusal. */
function worthRetrying(failures: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'NETWORK') return true;
  return failures < 2 && error.body.statusCode >= 500;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: worthRetrying,
      retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 15_000),
    },
  },
});

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <Title order={1}>404</Title>
      <Text>{t('error.ROUTE_NOT_FOUND')}</Text>
    </>
  );
}

/**
 * The console. Mantine's theme variables come from its stylesheet and app.css, and it adds no
 * global classes (`withCssVariables={false}`, `withGlobalClasses={false}`): the page's
 * Content-Security-Policy allows no inline style element.
 */
export function App() {
  return (
    <MantineProvider withCssVariables={false} withGlobalClasses={false}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route element={<SignedInLayout />}>
                <Route index element={<InboxPage />} />
                <Route path="/requests/new" element={<LazyNewRequestPage />} />
                <Route path="/requests/:id" element={<RequestPage />} />
                <Route path="/requests" element={<RequestsPage />} />
                <Route path="/matrix" element={<MatrixPage />} />
                <Route path="/settings" element={<SettingsPage />} />
                <Route path="/admin" element={<AdminLayout />}>
                  <Route index element={<Navigate to="/admin/organizations" replace />} />
                  <Route path="organizations" element={<OrganizationsPage />} />
                  <Route path="users" element={<UsersPage />} />
                  <Route path="webhooks" element={<WebhooksPage />} />
                  <Route path="mail" element={<MailPage />} />
                  <Route path="quota" element={<QuotaPage />} />
                  <Route path="audit" element={<AuditPage />} />
                  <Route path="tokens" element={<AdminTokensPage />} />
                </Route>
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
