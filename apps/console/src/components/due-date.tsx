import { Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n';
import { isOverdue } from '../pages/inbox-groups';

/** One formatter per language: making one costs more than formatting (the inbox shows 200). */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(language: string): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(language, format);
  }
  return format;
}

/** A due date in the person's language; overdue in red, and said so in words. */
export function DueDate({ dueAt }: { dueAt: string | null }) {
  const { t, language } = useI18n();
  if (dueAt === null) return <Text size="sm">{t('inbox.noDue')}</Text>;
  const date = formatOf(language).format(new Date(dueAt));
  const overdue = isOverdue(dueAt);
  return (
    <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
      <time dateTime={dueAt}>
        {overdue ? t('inbox.overdue', { date }) : t('inbox.due', { date })}
      </time>
    </Text>
  );
}
