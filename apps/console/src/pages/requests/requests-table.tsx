import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RequestView } from '../../api/api-client';
import { DueDate } from '../../components/due-date';
import { useI18n } from '../../i18n/i18n';
import { useOrganizations } from '../../session/use-organizations';

/** The requests of the list, each linking to its page. */
export function RequestsTable({ items }: { items: readonly RequestView[] }) {
  const { t, language } = useI18n();
  const organizations = useOrganizations();
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('lists.requests.heading')}
      tabIndex={0}
    >
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('lists.requests.title')}</Table.Th>
            <Table.Th scope="col">{t('lists.requests.organization')}</Table.Th>
            <Table.Th scope="col">{t('lists.requests.state')}</Table.Th>
            <Table.Th scope="col">{t('lists.requests.submitted')}</Table.Th>
            <Table.Th scope="col">{t('lists.requests.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/requests/${item.id}`} fw={600}>
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {organizations.data?.get(item.organizationId)?.name ?? item.organizationId}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray">
                  {t(`state.${item.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <time dateTime={item.createdAt}>{day.format(new Date(item.createdAt))}</time>
                </Text>
              </Table.Td>
              <Table.Td>
                <DueDate dueAt={item.dueAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
