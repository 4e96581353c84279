import { Button, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { useOrganizations } from '../../session/use-organizations';
import { REQUEST_STATES, type RequestFilters, withFilter } from './request-filters';

interface Props {
  filters: RequestFilters;
  onChange: (filters: RequestFilters) => void;
}

/** The catalog's actions, for the product and action filters. */
function useCatalogActions() {
  return useQuery({
    queryKey: ['catalog', 'actions'],
    queryFn: () => unwrap(api.GET('/v1/catalog/actions')),
    staleTime: 10 * 60_000,
  });
}

/** The filters of `GET /v1/requests`, each applied as soon as it changes. */
export function RequestFiltersForm({ filters, onChange }: Props) {
  const { t, language } = useI18n();
  const me = useMe();
  const organizations = useOrganizations();
  const catalog = useCatalogActions();
  const set = <K extends keyof RequestFilters>(key: K, value: RequestFilters[K] | '') =>
    onChange(withFilter(filters, key, value));

  const products = useMemo(
    () => [...new Set(catalog.data?.items.map((action) => action.product))].sort(),
    [catalog.data],
  );
  const actions = useMemo(
    () =>
      (catalog.data?.items ?? [])
        .filter((action) => !filters.product || action.product === filters.product)
        .map((action) => ({
          value: action.key,
          label: (language === 'fr' && action.i18n?.fr?.title) || action.title,
        })),
    [catalog.data, filters.product, language],
  );
  const any = { value: '', label: t('lists.requests.any') };
  const keep = (value: string | undefined, known: { value: string }[]) =>
    value && !known.some((option) => option.value === value) ? [{ value, label: value }] : [];

  const organizationOptions = [...(organizations.data?.values() ?? [])].map((o) => ({
    value: o.id,
    label: o.name,
  }));
  const productOptions = products.map((product) => ({ value: product, label: product }));
  const submitterOptions = me.data?.id
    ? [{ value: me.data.id, label: t('lists.requests.me') }]
    : [];

  return (
    <div className="filters-grid">
      <NativeSelect
        label={t('lists.requests.state')}
        value={filters.state ?? ''}
        onChange={(e) => set('state', e.currentTarget.value as RequestFilters['state'] | '')}
        data={[
          any,
          ...REQUEST_STATES.map((state) => ({ value: state, label: t(`state.${state}`) })),
        ]}
      />
      <NativeSelect
        label={t('lists.requests.product')}
        value={filters.product ?? ''}
        onChange={(e) => set('product', e.currentTarget.value)}
        data={[any, ...keep(filters.product, productOptions), ...productOptions]}
      />
      <NativeSelect
        label={t('lists.requests.action')}
        value={filters.action ?? ''}
        onChange={(e) => set('action', e.currentTarget.value)}
        data={[any, ...keep(filters.action, actions), ...actions]}
      />
      <NativeSelect
        label={t('lists.requests.submitter')}
        value={filters.submittedBy ?? ''}
        onChange={(e) => set('submittedBy', e.currentTarget.value)}
        data={[
          { value: '', label: t('lists.requests.anyone') },
          ...keep(filters.submittedBy, submitterOptions),
          ...submitterOptions,
        ]}
      />
      {organizationOptions.length > 1 ? (
        <NativeSelect
          label={t('lists.requests.organization')}
          value={filters.organizationId ?? ''}
          onChange={(e) => set('organizationId', e.currentTarget.value)}
          data={[any, ...keep(filters.organizationId, organizationOptions), ...organizationOptions]}
        />
      ) : null}
      <TextInput
        type="date"
        label={t('lists.requests.from')}
        value={filters.from ?? ''}
        onChange={(e) => set('from', e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('lists.requests.to')}
        value={filters.to ?? ''}
        onChange={(e) => set('to', e.currentTarget.value)}
      />
      <Button
        variant="subtle"
        className="filters-clear"
        disabled={Object.values(filters).every((value) => !value)}
        onClick={() => onChange({})}
      >
        {t('lists.requests.clear')}
      </Button>
    </div>
  );
}
