import { Alert } from '@mantine/core';
import { ApiError } from '../api/api-client';
import { errorWords } from '../api/error-words';
import { useI18n } from '../i18n/i18n';

/** An error in words, by its code, announced to assistive technology. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const requestId = error instanceof ApiError ? error.body.requestId : undefined;
  return (
    <Alert color="red" role="alert" data-error-code={error instanceof ApiError ? error.code : ''}>
      {errorWords(t, error)}
      {requestId ? ` ${t('error.reference', { requestId })}` : null}
    </Alert>
  );
}
