import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { RequestView } from '../../api/api-client';
import { DueDate } from '../../components/due-date';
import { useI18n } from '../../i18n/i18n';

/** Who is R, A, C and I, who performs, who submitted, and who the request waits on, and why. */
export function RaciCard({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const party = (p: string) => t(p === 'provider' ? 'party.provider' : 'party.customer');
  const parties = (list: string[]) => (list.length ? list.map(party).join(', ') : '—');
  const rows: [string, string][] = [
    [t('request.state'), t(`state.${request.state}`)],
    [t('request.responsible'), party(request.responsible)],
    [t('request.accountable'), party(request.accountable)],
    [t('request.consulted'), parties(request.consulted)],
    [t('request.informed'), parties(request.informed)],
    [t('request.performer'), party(request.performer)],
    [t('request.submittedBy'), request.submittedBy.name],
    // A quorum: how many of the distinct approvers it needs have approved (void approvals aside).
    ...(request.approvalsRequired > 1
      ? [
          [
            t('request.approvals'),
            t('request.approvalsOf', {
              count: request.approvals.filter((approval) => !approval.void).length,
              required: request.approvalsRequired,
            }),
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <Card withBorder component="section" aria-labelledby="raci-heading">
      <Title order={2} size="h3" id="raci-heading" mb="xs">
        {t('request.raci')}
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
          <Table.Tr>
            <Table.Th scope="row">{t('request.waitingOn')}</Table.Th>
            <Table.Td>
              {request.waitingOn.length === 0 ? (
                <Text size="sm">{t('request.waitingOnNobody')}</Text>
              ) : (
                <Stack gap={4}>
                  {request.waitingOn.map((wait) => (
                    <div key={`${wait.party}-${wait.verb}`}>
                      <Text size="sm">
                        {t('request.waits', {
                          party: party(wait.party),
                          reason: t(`reason.${wait.reason}`),
                        })}
                      </Text>
                      {wait.dueAt ? <DueDate dueAt={wait.dueAt} /> : null}
                    </div>
                  ))}
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}
