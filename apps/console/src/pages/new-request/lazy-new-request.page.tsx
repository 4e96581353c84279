import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n';

/** The page and its form generator (rjsf) load when first opened, not with the console. */
const NewRequestPage = lazy(() =>
  import('./new-request.page').then(({ NewRequestPage }) => ({ default: NewRequestPage })),
);

/** "New request", loaded on demand. */
export function LazyNewRequestPage() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loader aria-label={t('status.loading')} m="xl" />}>
      <NewRequestPage />
    </Suspense>
  );
}
