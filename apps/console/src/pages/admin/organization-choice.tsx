import { NativeSelect } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import type { Organization } from './use-admin-scope';

interface Props {
  value: string | undefined;
  choices: Organization[];
  onChange: (id: string) => void;
}

/** "Organization": which one the page is about; shown only when there is a choice. */
export function OrganizationChoice({ value, choices, onChange }: Props) {
  const { t } = useI18n();
  if (choices.length < 2) return null;
  return (
    <NativeSelect
      label={t('admin.organization')}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={choices.map((organization) => ({ value: organization.id, label: organization.name }))}
      maw={360}
    />
  );
}
