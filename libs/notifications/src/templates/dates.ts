import { Locale } from '@app/parties';

const FRENCH = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/**
 * A date to the minute, in UTC, as a message in that language writes it: `2026-12-08 20:52 UTC`,
 * `8 décembre 2026 à 20:52 UTC`.
 */
export function dateIn(locale: Locale, date: Date): string {
  if (locale === Locale.Fr) return `${FRENCH.format(date)} UTC`;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
