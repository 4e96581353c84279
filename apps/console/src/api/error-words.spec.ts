import { format } from '../i18n/language';
import { en } from '../i18n/messages.en';
import { fr } from '../i18n/messages.fr';
import { ApiError } from './api-client';
import { errorWords } from './error-words';

const inEnglish = (key: keyof typeof en, values?: Record<string, string | number>) =>
  format(en, key, values);
const inFrench = (key: keyof typeof en, values?: Record<string, string | number>) =>
  format(fr, key, values);

const refused = (code: string, message = 'refused') =>
  new ApiError({ statusCode: 403, code, message });

describe('errorWords', () => {
  it('says a known code in the person’s words', () => {
    expect(errorWords(inEnglish, refused('RACI_FOUR_EYES'))).toBe(
      'You submitted this request: somebody else must decide on it.',
    );
    expect(errorWords(inFrench, refused('RACI_FOUR_EYES'))).toBe(
      'Vous avez soumis cette demande : quelqu’un d’autre doit en décider.',
    );
  });

  it('falls back to the engine’s message and code for a code it does not know', () => {
    expect(errorWords(inEnglish, refused('SOMETHING_NEW', 'A new rule refused it.'))).toBe(
      'The engine refused: A new rule refused it. (SOMETHING_NEW)',
    );
  });

  it('never says nothing, even for what is no API error', () => {
    expect(errorWords(inEnglish, new TypeError('boom'))).toBe(en['error.INTERNAL_ERROR']);
  });
});

describe('the dictionaries', () => {
  it('have the same keys and the same placeholders in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(fr[key])]).toEqual([key, placeholders(en[key])]);
    }
  });
});
