import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from './error-alert';
import { ModalDialog } from './modal-dialog';

interface Props {
  title: string;
  text: string;
  /** The change to confirm; the dialog shows a refusal in words and stays open. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** After the change was made. */
  onDone: () => void;
}

/** "Are you sure?": the consequence in words, "Confirm" and "Cancel", and any refusal. */
export function ConfirmDialog({ title, text, onConfirm, onClose, onDone }: Props) {
  const { t } = useI18n();
  const change = useMutation({ mutationFn: onConfirm, onSuccess: onDone });
  return (
    <ModalDialog title={title} closeLabel={t('dialog.close')} onClose={onClose}>
      <Stack>
        <Text>{text}</Text>
        {change.isError ? <ErrorAlert error={change.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('settings.cancel')}
          </Button>
          <Button loading={change.isPending} onClick={() => change.mutate()}>
            {t('dialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </ModalDialog>
  );
}
