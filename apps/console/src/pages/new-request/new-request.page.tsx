import { NativeSelect, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { useOrganizations } from '../../session/use-organizations';
import { CatalogBrowser } from './catalog-browser';
import { RequestForm } from './request-form';

/**
 * "New request": the customer organization it is for (provider staff only), the catalog's
 * actions that organization's plan allows, and the chosen action's form (`?action=<key>`).
 */
export function NewRequestPage() {
  const { t } = useI18n();
  const me = useMe();
  const organizations = useOrganizations();
  const [search, setSearch] = useSearchParams();
  const [organizationId, setOrganizationId] = useState('');
  const actionKey = search.get('action');
  const isProvider = me.data?.organization.kind === 'provider';
  const customers = [...(organizations.data?.values() ?? [])].filter(
    (organization) => organization.kind === 'customer',
  );
  const plan = isProvider
    ? organizations.data?.get(organizationId)?.subscription?.plan
    : me.data?.organization.subscription?.plan;
  return (
    <>
      <Title order={1} mb="md">
        {t('newRequest.heading')}
      </Title>
      {isProvider ? (
        <NativeSelect
          label={t('newRequest.organization')}
          value={organizationId}
          onChange={(event) => setOrganizationId(event.currentTarget.value)}
          data={[
            { value: '', label: t('newRequest.chooseOrganization') },
            ...customers.map(({ id, name }) => ({ value: id, label: name })),
          ]}
          mb="md"
          maw="30rem"
        />
      ) : null}
      {plan ? (
        <div className="two-columns">
          <CatalogBrowser
            plan={plan}
            selected={actionKey}
            onSelect={(key) => setSearch({ action: key })}
          />
          <div>
            {actionKey ? (
              <RequestForm
                key={`${actionKey} ${organizationId}`}
                actionKey={actionKey}
                organizationId={isProvider ? organizationId : undefined}
              />
            ) : (
              <Text>{t('newRequest.chooseAction')}</Text>
            )}
          </div>
        </div>
      ) : isProvider ? (
        <Text>{t('newRequest.organizationFirst')}</Text>
      ) : null}
    </>
  );
}
