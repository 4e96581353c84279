import { Button, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import {
  filterMatrix,
  type MatrixFilters,
  type MatrixResponse,
  matrixFiltersFromSearch,
  matrixFiltersToSearch,
  matrixProducts,
  matrixRows,
} from './matrix-rows';
import { MatrixReadings } from './matrix-readings';
import { MatrixTable } from './matrix-table';
import { MatrixVersionsSection } from './matrix-versions.section';
import { ProposeChangeSection } from './propose-change.section';
import { useMe } from '../../session/use-me';

/** Rows drawn at first, and added by each "Show more": the page stays quick however long it is. */
const STEP = 100;

/** The JSON form of the matrix: the answer to a request that did not ask for CSV. */
function asMatrix(data: MatrixResponse | string): MatrixResponse {
  if (typeof data === 'string') throw new Error('The matrix came as text, not JSON');
  return data;
}

/** The whole RACI matrix as published (`GET /v1/catalog/matrix`), filtered and searched. */
export function MatrixPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const filters = matrixFiltersFromSearch(search);
  const [shown, setShown] = useState(STEP);
  const matrix = useQuery({
    queryKey: ['catalog', 'matrix'],
    queryFn: () => unwrap(api.GET('/v1/catalog/matrix')).then(asMatrix),
    staleTime: 10 * 60_000,
  });
  const rows = useMemo(
    () => (matrix.data ? matrixRows(matrix.data, language) : []),
    [matrix.data, language],
  );
  const products = useMemo(() => (matrix.data ? matrixProducts(matrix.data) : []), [matrix.data]);
  // The field keeps its own text (a keystroke never waits for the address), and the address
  // follows it; the table follows a deferred copy, so typing stays quick.
  const [text, setText] = useState(filters.search ?? '');
  const words = useDeferredValue(text);
  const visible = useMemo(
    () => filterMatrix(rows, { product: filters.product, plan: filters.plan, search: words }),
    [rows, filters.product, filters.plan, words],
  );
  const apply = (next: MatrixFilters, replace = false) => {
    setShown(STEP);
    setSearch(matrixFiltersToSearch(next), { replace });
  };
  const any = { value: '', label: t('lists.requests.any') };

  return (
    <Stack>
      <Title order={1}>{t('lists.matrix.heading')}</Title>
      <Text>{t('lists.matrix.intro')}</Text>
      {matrix.data ? (
        <Text fw={600}>{t('matrix.version', { version: matrix.data.version })}</Text>
      ) : null}
      <div className="filters-grid">
        <NativeSelect
          label={t('lists.matrix.product')}
          value={filters.product ?? ''}
          onChange={(e) => apply({ ...filters, product: e.currentTarget.value })}
          data={[any, ...products]}
        />
        <NativeSelect
          label={t('lists.matrix.plan')}
          value={filters.plan ?? ''}
          onChange={(e) => apply({ ...filters, plan: e.currentTarget.value })}
          data={[
            any,
            { value: 'self-service', label: t('lists.matrix.plan.self-service') },
            { value: 'on-request', label: t('lists.matrix.plan.on-request') },
          ]}
        />
        <TextInput
          type="search"
          label={t('lists.matrix.search')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            apply({ ...filters, search: e.currentTarget.value }, true);
          }}
        />
      </div>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" role="status">
          {matrix.data
            ? t('lists.matrix.count', { count: visible.length, total: rows.length })
            : ''}
        </Text>
        <DownloadButton
          label={t('lists.matrix.csv')}
          fileName="raci-matrix.csv"
          fetchFile={() =>
            unwrap(
              api.GET('/v1/catalog/matrix', {
                headers: { Accept: 'text/csv' },
                parseAs: 'blob',
              }),
            )
          }
        />
      </Group>
      {matrix.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {matrix.isError ? <ErrorAlert error={matrix.error} /> : null}
      {visible.length > 0 ? <MatrixTable rows={visible.slice(0, shown)} /> : null}
      {matrix.data && visible.length === 0 ? <Text>{t('lists.matrix.empty')}</Text> : null}
      {visible.length > shown ? (
        <Button variant="default" className="load-more" onClick={() => setShown(shown + STEP)}>
          {t('lists.matrix.showMore', { count: Math.min(STEP, visible.length - shown) })}
        </Button>
      ) : null}
      {matrix.data ? <MatrixReadings rows={visible} /> : null}
      {matrix.data && me.data && mayPropose(me.data) ? (
        <ProposeChangeSection version={matrix.data.version} />
      ) : null}
      <MatrixVersionsSection />
    </Stack>
  );
}

/** A change of the matrix is submitted as a request of the provider: its requesters propose them. */
function mayPropose(me: { roles: readonly string[]; organization: { kind: string } }): boolean {
  return me.organization.kind === 'provider' && me.roles.includes('requester');
}
