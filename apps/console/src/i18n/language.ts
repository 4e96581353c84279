import { en, type MessageKey, type Messages } from './messages.en';
import { fr } from './messages.fr';

export const LANGUAGES = { en, fr } as const;
export type Language = keyof typeof LANGUAGES;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && value in LANGUAGES;

/**
 * The language to show: the person's choice when they made one, else the first of the browser's
 * languages the console speaks, else English.
 */
export function pickLanguage(chosen: string | null, browser: readonly string[]): Language {
  if (isLanguage(chosen)) return chosen;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The message of `key` in `messages`, its `{placeholders}` filled in. */
export function format(
  messages: Messages,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
