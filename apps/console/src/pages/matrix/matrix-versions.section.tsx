import { Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { diffLines } from './matrix-diff';

type Version = Schemas['CatalogVersionSummaryResponse'];

/** The versions shown at first: the newest, where recent changes are. */
const FIRST_VERSIONS = 20;

/**
 * The matrix's history: its stored versions, newest first, who made each and why, and for each but
 * the first its changes against the one before, in words.
 */
export function MatrixVersionsSection() {
  const { t } = useI18n();
  const versions = useQuery({
    queryKey: ['catalog', 'versions'],
    queryFn: () =>
      unwrap(api.GET('/v1/catalog/versions', { params: { query: { limit: FIRST_VERSIONS } } })),
  });
  return (
    <section aria-labelledby="matrix-history">
      <Title order={2} size="h3" id="matrix-history" mb="xs">
        {t('matrix.versions.heading')}
      </Title>
      {versions.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {versions.isError ? <ErrorAlert error={versions.error} /> : null}
      <Stack component="ul" gap="xs" p={0} className="plain-list">
        {(versions.data?.items ?? []).map((version) => (
          <VersionEntry key={version.version} version={version} />
        ))}
      </Stack>
    </section>
  );
}

function VersionEntry({ version }: { version: Version }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const name = t('matrix.versions.name', { version: version.version });
  const since = version.activatedAt ?? version.effectiveAt ?? version.createdAt;
  return (
    <Card component="li" withBorder padding="sm" aria-label={name}>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{name}</Text>
            <Badge variant={version.state === 'active' ? 'light' : 'default'}>
              {t(`matrix.versions.state.${version.state}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {version.createdBy === 'deployment'
              ? t('matrix.versions.byDeployment', { date: date.format(new Date(since)) })
              : t('matrix.versions.byChange', { date: date.format(new Date(since)) })}
          </Text>
          <Text size="sm" c="dimmed">
            {version.reason}
          </Text>
        </Stack>
        {version.version > 1 ? (
          <Button variant="default" onClick={() => setOpen(!open)} aria-expanded={open}>
            {t(open ? 'matrix.versions.hideChanges' : 'matrix.versions.showChanges')}
          </Button>
        ) : null}
      </Group>
      {open ? <VersionChanges version={version.version} /> : null}
    </Card>
  );
}

/** What a version changed against the one before it, one line per row. */
function VersionChanges({ version }: { version: number }) {
  const { t } = useI18n();
  const diff = useQuery({
    queryKey: ['catalog', 'versions', version, 'diff'],
    queryFn: () =>
      unwrap(api.GET('/v1/catalog/versions/{version}/diff', { params: { path: { version } } })),
    staleTime: Infinity,
  });
  if (diff.isPending) return <Loader aria-label={t('status.loading')} />;
  if (diff.isError) return <ErrorAlert error={diff.error} />;
  const lines = diffLines(diff.data, t);
  if (lines.length === 0) return <Text size="sm">{t('matrix.versions.noChange')}</Text>;
  return (
    <List
      size="sm"
      mt="xs"
      aria-label={t('matrix.versions.changes', { from: diff.data.from, to: diff.data.to })}
    >
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}
