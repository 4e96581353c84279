import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import {
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  type RequestFilters,
} from './request-filters';
import { RequestFiltersForm } from './request-filters-form';
import { RequestsTable } from './requests-table';

const PAGE_SIZE = 50;

/**
 * The requests of the person's tenant, newest first: the API's filters, kept in the address so a
 * filtered list is a link; "Load more" follows the API's cursor; the CSV has the same filters.
 */
export function RequestsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(key)), [key]);
  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const list = useInfiniteQuery({
    queryKey: ['requests', query],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/requests', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const apply = (next: RequestFilters) => setSearch(filtersToSearch(next));

  return (
    <Stack>
      <Title order={1}>{t('lists.requests.heading')}</Title>
      <section aria-label={t('lists.requests.filters')}>
        <RequestFiltersForm filters={filters} onChange={apply} />
      </section>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" role="status">
          {list.isPending ? '' : t('lists.requests.shown', { count: items.length })}
          {list.hasNextPage ? ` ${t('lists.requests.more')}` : ''}
        </Text>
        <DownloadButton
          label={t('lists.requests.csv')}
          fileName="requests.csv"
          fetchFile={() =>
            unwrap(
              api.GET('/v1/requests/export', {
                params: { query },
                headers: { Accept: 'text/csv' },
                parseAs: 'blob',
              }),
            )
          }
        />
      </Group>
      {list.isPending ? <Loader aria-label={t('status.loading')} /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? <Text>{t('lists.requests.empty')}</Text> : null}
      {items.length > 0 ? <RequestsTable items={items} /> : null}
      {list.hasNextPage ? (
        <Button
          variant="default"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          className="load-more"
        >
          {t('lists.requests.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
