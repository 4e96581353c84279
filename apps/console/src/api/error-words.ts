import type { Translate } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.en';
import { en } from '../i18n/messages.en';
import { ApiError } from './api-client';

/**
 * An error in the person's words, by the engine's code: the console's own sentence when it has one,
 * else the engine's message with its code, never nothing.
 */
export function errorWords(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.INTERNAL_ERROR');
  const key = `error.${error.code}`;
  if (key in en) return t(key as MessageKey);
  return t('error.unknown', { message: error.message, code: error.code });
}
