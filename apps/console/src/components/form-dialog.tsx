import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from './error-alert';
import { ModalDialog } from './modal-dialog';

interface Props {
  title: string;
  onClose: () => void;
  /** The change to send; the form's own submission is held back. */
  onSubmit: () => void;
  /** The change's mutation: its refusal is said under the fields, and "Save" waits for it. */
  saving: { isPending: boolean; isError: boolean; error: unknown };
  children: ReactNode;
}

/** A dialog that edits something: its labelled fields, the refusal in words, and "Save". */
export function FormDialog({ title, onClose, onSubmit, saving, children }: Props) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <ModalDialog title={title} closeLabel={t('dialog.close')} onClose={onClose}>
      <form onSubmit={submit}>
        <Stack>
          {children}
          {saving.isError ? <ErrorAlert error={saving.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={saving.isPending}>
              {t('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ModalDialog>
  );
}
