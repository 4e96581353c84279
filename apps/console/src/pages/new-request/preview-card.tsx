import { Alert, Card, Table, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n';
import { noEligibleDeciderWords } from './no-eligible-decider';

export type RequestPreview = Schemas['RequestPreviewResponse'];

/** What the engine says the request would be: R, A, C, I, who performs, and what would stop it. */
export function PreviewCard({ preview }: { preview: RequestPreview }) {
  const { t } = useI18n();
  const party = (p: string) => t(p === 'provider' ? 'party.provider' : 'party.customer');
  const parties = (list: string[]) => (list.length ? list.map(party).join(', ') : '—');
  const performer = preview.via
    ? t('newRequest.via', { party: party(preview.performer), via: preview.via })
    : party(preview.performer);
  const rows: [string, string][] = [
    [t('request.responsible'), party(preview.responsible)],
    [t('request.accountable'), party(preview.accountable)],
    [t('request.consulted'), parties(preview.consulted)],
    [t('request.informed'), parties(preview.informed)],
    [t('request.performer'), performer],
    [t('newRequest.initialState'), t(`state.${preview.initialState}`)],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="preview-heading" mt="md">
      <Title order={2} size="h3" id="preview-heading" mb="xs">
        {t('newRequest.previewHeading')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%" scope="row">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div role="status">
        {preview.approvedBySubmission ? (
          <Text size="sm" mt="xs">
            {t('newRequest.approvedBySubmission')}
          </Text>
        ) : null}
        {preview.warnings.length === 0 ? (
          <Text size="sm" mt="xs">
            {t('newRequest.ready')}
          </Text>
        ) : null}
        {preview.warnings.map((warning) => (
          <Alert
            key={warning.code}
            role="note"
            color="yellow"
            mt="xs"
            data-error-code={warning.code}
          >
            {noEligibleDeciderWords(t, warning.code, warning.details) ?? warning.message}
          </Alert>
        ))}
      </div>
    </Card>
  );
}
