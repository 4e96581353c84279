import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { ModalDialog } from '../../components/modal-dialog';
import { TokenList, tokensKey } from '../../components/token-list';
import { useI18n } from '../../i18n/i18n';

type NewToken = Schemas['TokenResponse'];

/**
 * The person's own tokens, and "Create token": minted by the person signed in, so the token is
 * personal (it may decide). Its secret is shown once, in a dialog, with "Copy".
 */
export function MyTokensSection({ userId }: { userId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [created, setCreated] = useState<NewToken | null>(null);
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/users/{id}/tokens', { params: { path: { id: userId } } })),
    onSuccess: (token) => {
      setCreated(token);
      void client.invalidateQueries({ queryKey: tokensKey(undefined) });
    },
  });
  return (
    <section aria-labelledby="settings-tokens">
      <Title order={2} size="h3" id="settings-tokens" mb="xs">
        {t('tokens.heading')}
      </Title>
      <Stack gap="sm">
        <Text>{t('tokens.intro')}</Text>
        <Group>
          <Button loading={create.isPending} onClick={() => create.mutate()}>
            {t('tokens.create')}
          </Button>
        </Group>
        {create.isError ? <ErrorAlert error={create.error} /> : null}
        <TokenList />
      </Stack>
      {created ? <CreatedToken token={created} onClose={() => setCreated(null)} /> : null}
    </section>
  );
}

/** The new token, this once: a warning, the secret to select or copy, and what copying did. */
function CreatedToken({ token, onClose }: { token: NewToken; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(t('tokens.copied'));
    } catch {
      setCopied(t('tokens.copyFailed'));
    }
  };
  return (
    <ModalDialog title={t('tokens.created.title')} closeLabel={t('dialog.close')} onClose={onClose}>
      <Stack>
        <Alert color="yellow">{t('tokens.created.warning')}</Alert>
        <TextInput
          label={t('tokens.created.label')}
          value={token.token}
          readOnly
          classNames={{ input: 'token-secret' }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Text role="status">{copied}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void copy()}>
            {t('tokens.copy')}
          </Button>
          <Button onClick={onClose}>{t('tokens.done')}</Button>
        </Group>
      </Stack>
    </ModalDialog>
  );
}
