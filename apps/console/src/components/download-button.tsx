import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from './error-alert';
import { saveFile } from './save-file';

interface Props {
  /** The button's words. */
  label: string;
  /** The name the file is saved under. */
  fileName: string;
  /** Fetches the file through the API client (with the session). */
  fetchFile: () => Promise<Blob>;
}

/** A button that fetches a file with the session and saves it; says when it is done, or why not. */
export function DownloadButton({ label, fileName, fetchFile }: Props) {
  const { t } = useI18n();
  const download = useMutation({
    mutationFn: fetchFile,
    onSuccess: (blob) => saveFile(blob, fileName),
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
        {label}
      </Button>
      <Text size="sm" role="status">
        {download.isSuccess ? t('lists.downloaded', { file: fileName }) : ''}
      </Text>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
    </Stack>
  );
}
