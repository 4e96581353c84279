import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { useI18n } from '../../i18n/i18n';
import { parseEmails, sameItems } from './admin-forms';
import type { Organization } from './use-admin-scope';
import { type OrganizationChange, useUpdateOrganization } from './use-organization-changes';

interface Props {
  organization: Organization;
  /** Provider admins change a customer's subscription too. */
  withSubscription: boolean;
  onClose: () => void;
  onDone: (name: string) => void;
}

/** "Edit organization": name, contact emails, language of its mail, and its subscription. */
export function OrganizationDialog({ organization, withSubscription, onClose, onDone }: Props) {
  const { t } = useI18n();
  const update = useUpdateOrganization();
  const [name, setName] = useState(organization.name);
  const [contacts, setContacts] = useState(organization.contactEmails.join('\n'));
  const [locale, setLocale] = useState(organization.locale);
  const [plan, setPlan] = useState(organization.subscription?.plan ?? 'on-request');
  const [onDemand, setOnDemand] = useState(organization.subscription?.onDemand ?? false);
  const subscribed = withSubscription && organization.kind === 'customer';

  const submit = () => {
    const change: OrganizationChange = { locale };
    if (name.trim() !== organization.name) change.name = name.trim();
    const emails = parseEmails(contacts);
    if (!sameItems(emails, organization.contactEmails)) change.contactEmails = emails;
    const before = organization.subscription;
    if (subscribed && (before?.plan !== plan || before?.onDemand !== onDemand)) {
      change.subscription = { plan, onDemand };
    }
    update.mutate({ id: organization.id, change }, { onSuccess: (saved) => onDone(saved.name) });
  };

  return (
    <FormDialog
      title={t('admin.organizations.edit', { name: organization.name })}
      onClose={onClose}
      onSubmit={submit}
      saving={update}
    >
      <TextInput
        label={t('admin.organizations.name')}
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <Textarea
        label={t('admin.organizations.contacts')}
        description={t('admin.organizations.contactsHelp')}
        rows={3}
        value={contacts}
        onChange={(event) => setContacts(event.currentTarget.value)}
      />
      <NativeSelect
        label={t('admin.organizations.locale')}
        value={locale}
        onChange={(event) => setLocale(event.currentTarget.value === 'fr' ? 'fr' : 'en')}
        data={[
          { value: 'en', label: 'English' },
          { value: 'fr', label: 'Français' },
        ]}
      />
      {subscribed ? (
        <>
          <NativeSelect
            label={t('admin.organizations.plan')}
            value={plan}
            onChange={(event) =>
              setPlan(event.currentTarget.value === 'self-service' ? 'self-service' : 'on-request')
            }
            data={[
              { value: 'on-request', label: t('admin.plan.on-request') },
              { value: 'self-service', label: t('admin.plan.self-service') },
            ]}
          />
          <Checkbox
            label={t('admin.organizations.onDemand')}
            checked={onDemand}
            onChange={(event) => setOnDemand(event.currentTarget.checked)}
          />
        </>
      ) : null}
    </FormDialog>
  );
}
