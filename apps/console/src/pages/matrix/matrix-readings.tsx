import { Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import type { MatrixRow } from './matrix-rows';
import { readingId } from './matrix-table';

/** The seed readings of the rows: how the engine read the published matrix where it was unclear. */
export function MatrixReadings({ rows }: { rows: readonly MatrixRow[] }) {
  const { t } = useI18n();
  const read = rows.filter((row) => row.reading);
  const unique = [...new Map(read.map((row) => [row.key, row])).values()];
  return (
    <section aria-labelledby="matrix-readings">
      <Title order={2} size="h3" id="matrix-readings">
        {t('lists.matrix.readings')}
      </Title>
      <Text size="sm" mb="sm">
        {t('lists.matrix.readingsIntro')}
      </Text>
      {unique.length === 0 ? <Text size="sm">{t('lists.matrix.noReadings')}</Text> : null}
      <Stack component="ul" gap="sm" className="plain-list">
        {unique.map((row) => (
          <li key={row.key} id={readingId(row.key)} tabIndex={-1}>
            <Text size="sm" fw={600}>
              {row.title} <span className="key">({row.key})</span>
            </Text>
            <Text size="sm">{row.reading!.note}</Text>
            <Text size="sm" c="dimmed">
              {t('lists.matrix.asPublished', {
                provider: row.reading!.provider || '—',
                customer: row.reading!.customer || '—',
              })}{' '}
              {t('lists.matrix.asEnforced', {
                provider: row.provider || '—',
                customer: row.customer || '—',
              })}
            </Text>
          </li>
        ))}
      </Stack>
    </section>
  );
}
