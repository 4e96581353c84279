import { RequestState } from '@app/core';
import { Locale } from '@app/parties';
import { WORDING } from './wording';

/** A request's state as people read it, in their language: `waiting for approval`, `terminée`. */
export function stateInWords(locale: Locale, state: string): string {
  return WORDING[locale].states[state as RequestState] ?? state;
}
