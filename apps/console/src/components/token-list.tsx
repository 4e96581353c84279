import { Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import { dateTimeIn } from '../pages/settings/settings-view';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorAlert } from './error-alert';

export type TokenSummary = Schemas['TokenSummaryResponse'];

/** The query key of a user's tokens (`undefined`: the person's own). */
export const tokensKey = (userId: string | undefined) => ['tokens', userId ?? 'mine'] as const;

/**
 * A user's tokens (`GET /v1/tokens`, the person's own without `userId`), newest first, page after
 * page, each with "Revoke" behind a confirmation; what happened is announced.
 */
export function TokenList({ userId }: { userId?: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  const [status, setStatus] = useState('');
  const tokens = useInfiniteQuery({
    queryKey: tokensKey(userId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/tokens', { params: { query: { userId, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      <Text role="status">{status}</Text>
      {tokens.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {tokens.isError ? <ErrorAlert error={tokens.error} /> : null}
      {tokens.isSuccess && items.length === 0 ? <Text>{t('tokens.empty')}</Text> : null}
      <Stack component="ul" gap="xs" p={0} className="plain-list">
        {items.map((token) => (
          <TokenEntry key={token.id} token={token} onRevoke={() => setRevoking(token)} />
        ))}
      </Stack>
      {tokens.hasNextPage ? (
        <Button
          variant="default"
          loading={tokens.isFetchingNextPage}
          onClick={() => void tokens.fetchNextPage()}
        >
          {t('tokens.more')}
        </Button>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('tokens.confirmTitle')}
          text={t('tokens.confirmText', { prefix: revoking.prefix })}
          onConfirm={() =>
            unwrap(api.DELETE('/v1/tokens/{id}', { params: { path: { id: revoking.id } } }))
          }
          onClose={() => setRevoking(null)}
          onDone={() => {
            setStatus(t('tokens.revoked', { prefix: revoking.prefix }));
            setRevoking(null);
            void client.invalidateQueries({ queryKey: tokensKey(userId) });
          }}
        />
      ) : null}
    </Stack>
  );
}

function TokenEntry({ token, onRevoke }: { token: TokenSummary; onRevoke: () => void }) {
  const { t, language } = useI18n();
  return (
    <Card component="li" withBorder padding="sm" aria-label={token.prefix}>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text component="code" fw={600}>
              {token.prefix}…
            </Text>
            {token.revokedAt ? (
              <Badge variant="default">
                {t('tokens.revokedOn', { date: dateTimeIn(language, token.revokedAt) })}
              </Badge>
            ) : (
              <Badge variant="default">{t('tokens.active')}</Badge>
            )}
          </Group>
          <Text size="sm">
            {t('tokens.createdOn', { date: dateTimeIn(language, token.createdAt) })}
          </Text>
          <Text size="sm">
            {token.lastUsedAt
              ? t('tokens.lastUsedOn', { date: dateTimeIn(language, token.lastUsedAt) })
              : t('tokens.neverUsed')}
          </Text>
          <Text size="sm" c="dimmed">
            {t(token.personal ? 'tokens.personal' : 'tokens.notPersonal')}
          </Text>
        </Stack>
        {token.revokedAt ? null : (
          <Button
            variant="default"
            onClick={onRevoke}
            aria-label={t('tokens.revokeNamed', { prefix: token.prefix })}
          >
            {t('tokens.revoke')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
