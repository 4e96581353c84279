import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

/** A banner while the engine cannot be reached; the queries retry meanwhile and it goes away. */
export function OfflineBanner() {
  const { t } = useI18n();
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const offline = useSyncExternalStore(subscribe, () =>
    cache
      .getAll()
      .some(
        (query) => query.state.error instanceof ApiError && query.state.error.code === 'NETWORK',
      ),
  );
  if (!offline) return null;
  return (
    <Alert color="yellow" role="status">
      {t('status.offline')}
    </Alert>
  );
}
