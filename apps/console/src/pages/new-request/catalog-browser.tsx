import { Card, Loader, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n } from '../../i18n/i18n';
import { commentIn, searchCatalog, titleIn } from './catalog-search';

/** How many actions the list shows at once; a search narrows it down. */
const SHOWN = 50;

export type Plan = 'self-service' | 'on-request';

/**
 * The requestable actions of the catalog under `plan` (the engine filters them), searched by
 * title or product, each with its comment; the chosen one is pressed.
 */
export function CatalogBrowser({
  plan,
  selected,
  onSelect,
}: {
  plan: Plan;
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const catalog = useQuery({
    queryKey: ['catalog', 'actions', plan],
    queryFn: () =>
      unwrap(api.GET('/v1/catalog/actions', { params: { query: { plan, requestable: true } } })),
    staleTime: 5 * 60_000,
  });
  const found = useMemo(
    () => searchCatalog(catalog.data?.items ?? [], query, language),
    [catalog.data, query, language],
  );
  return (
    <Card withBorder component="section" aria-labelledby="catalog-heading">
      <Title order={2} size="h3" id="catalog-heading" mb="xs">
        {t('newRequest.catalog')}
      </Title>
      <TextInput
        type="search"
        label={t('newRequest.search')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {catalog.isPending ? <Loader aria-label={t('status.loading')} m="md" size="sm" /> : null}
      {catalog.isError ? <ErrorAlert error={catalog.error} /> : null}
      {catalog.isSuccess ? (
        <Text role="status" size="sm" my="xs">
          {found.length
            ? t('newRequest.found', { count: found.length })
            : t('newRequest.noResults')}
        </Text>
      ) : null}
      <ul className="catalog-list">
        {found.slice(0, SHOWN).map((action) => {
          const comment = commentIn(action, language);
          return (
            <li key={action.key}>
              <UnstyledButton
                className="catalog-item"
                aria-pressed={selected === action.key}
                aria-describedby={`about-${action.key}`}
                onClick={() => onSelect(action.key)}
              >
                <Text fw={600} span>
                  {titleIn(action, language)}
                </Text>
                <span id={`about-${action.key}`} className="catalog-about">
                  <Text size="xs" c="dimmed" span display="block">
                    {t('newRequest.product', { product: action.product })}
                  </Text>
                  {comment ? (
                    <Text size="sm" span display="block">
                      {comment}
                    </Text>
                  ) : null}
                </span>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
      {found.length > SHOWN ? (
        <Text size="sm">{t('newRequest.more', { count: SHOWN })}</Text>
      ) : null}
    </Card>
  );
}
