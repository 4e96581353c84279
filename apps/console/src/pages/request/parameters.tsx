import { Card, Table, Text, Title } from '@mantine/core';
import type { RequestView } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from './label-of';
import { valueText } from './value-text';

/** The request's parameters as labelled fields, and the performer's result once there is one. */
export function Parameters({
  params,
  result,
}: {
  params: RequestView['params'];
  result: RequestView['result'];
}) {
  const { t } = useI18n();
  const entries = Object.entries(params);
  return (
    <Card withBorder component="section" aria-labelledby="parameters-heading">
      <Title order={2} size="h3" id="parameters-heading" mb="xs">
        {t('request.parameters')}
      </Title>
      {entries.length === 0 ? <Text size="sm">{t('request.noParameters')}</Text> : null}
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Tbody>
          {entries.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th w="40%" scope="row">
                {labelOf(key)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{valueText(value)}</Table.Td>
            </Table.Tr>
          ))}
          {result !== null ? (
            <Table.Tr>
              <Table.Th scope="row">{t('request.result')}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{valueText(result)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
