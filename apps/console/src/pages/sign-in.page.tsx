import { Alert, Button, Container, Divider, Group, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/api-client';
import { ErrorAlert } from '../components/error-alert';
import { LanguageSelect } from '../components/layout';
import { useI18n } from '../i18n/i18n';

/** Only a path of this site, as the engine accepts it for `returnTo`; else the inbox. */
function safePath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : '/';
}

/**
 * Signing in: an emailed link to the address given, or single sign-on when the engine has it
 * (its links document says so). Both bring the person back to the page they wanted.
 */
export function SignInPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const returnTo = safePath(params.get('returnTo'));
  const [email, setEmail] = useState('');
  const home = useQuery({ queryKey: ['home'], queryFn: () => unwrap(api.GET('/')) });
  const send = useMutation({
    mutationFn: (address: string) =>
      unwrap(api.POST('/auth/email-link', { body: { email: address, returnTo } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(email.trim());
  };
  const sso = home.data?.signIn.sso;
  return (
    <Container size="xs" component="main" py="xl">
      <Stack>
        <Group justify="flex-end">
          <LanguageSelect />
        </Group>
        <Title order={1}>{t('signIn.heading')}</Title>
        <form onSubmit={submit} noValidate={false}>
          <Stack>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <Button type="submit" loading={send.isPending}>
              {t('signIn.send')}
            </Button>
          </Stack>
        </form>
        {send.isSuccess ? (
          <Alert color="green" role="status">
            {t('signIn.sent', { email: send.variables })}
          </Alert>
        ) : null}
        {send.isError ? <ErrorAlert error={send.error} /> : null}
        {sso ? (
          <>
            <Divider label={t('signIn.or')} labelPosition="center" />
            <Button
              component="a"
              variant="default"
              href={`${new URL(sso).pathname}?returnTo=${encodeURIComponent(returnTo)}`}
            >
              {t('signIn.sso')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
