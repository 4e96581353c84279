import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import type { MatrixRow } from './matrix-rows';

/** The id of a row's reading in the readings section, for the mark's link. */
export const readingId = (key: string) => `reading-${key}`;

/** The rows given, each with its letters, and the mark of a seed reading. */
export function MatrixTable({ rows }: { rows: readonly MatrixRow[] }) {
  const { t } = useI18n();
  const plan = (cell: string) =>
    cell === '*' ? t('lists.matrix.anyPlan') : t(`lists.matrix.plan.${cell as 'self-service'}`);
  return (
    <div className="table-scroll" role="region" aria-label={t('lists.matrix.heading')} tabIndex={0}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lists.matrix.product')}</Table.Th>
            <Table.Th scope="col">{t('lists.matrix.action')}</Table.Th>
            <Table.Th scope="col">{t('lists.matrix.plan')}</Table.Th>
            <Table.Th scope="col">{t('lists.matrix.provider')}</Table.Th>
            <Table.Th scope="col">{t('lists.matrix.customer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={`${row.product}:${row.key}`}
              data-key={row.key}
              data-product={row.product}
            >
              <Table.Td>{row.productTitle}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.key}
                </Text>
                {row.reading ? (
                  <Anchor href={`#${readingId(row.key)}`} size="xs">
                    <Badge variant="light" component="span">
                      {t('lists.matrix.reading')}
                    </Badge>
                  </Anchor>
                ) : null}
              </Table.Td>
              <Table.Td>{row.plans.map(plan).join(', ')}</Table.Td>
              <Table.Td>{row.provider || '—'}</Table.Td>
              <Table.Td>{row.customer || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
