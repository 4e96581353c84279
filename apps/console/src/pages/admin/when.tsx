import { useI18n } from '../../i18n/i18n';

/** A moment in the person's language, as a `<time>`. */
export function When({ at }: { at: string }) {
  const { language } = useI18n();
  const text = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(at));
  return <time dateTime={at}>{text}</time>;
}
