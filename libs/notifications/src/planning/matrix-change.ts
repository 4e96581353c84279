import { Catalog, diffCatalogs, diffInWords } from '@app/catalog';
import { Locale } from '@app/parties';
import { CHANGE_MATRIX_ACTION, RequestView } from '@app/requests';

/** Whether the request proposes a change of the matrix (`catalog.change-matrix`). */
export function isMatrixChange(request: Pick<RequestView, 'action'>): boolean {
  return request.action === CHANGE_MATRIX_ACTION;
}

/**
 * A change of the matrix in words, in each language of the mail, one line per row it adds, removes
 * or changes ("Create Bucket: provider I → C"): the draft version its params name against the
 * version it was proposed on. Empty for a request that is no change, or whose versions are not both
 * stored.
 */
export async function matrixChangeWords(
  catalog: Catalog,
  request: Pick<RequestView, 'action' | 'params'>,
): Promise<Record<Locale, string[]>> {
  const none = { [Locale.En]: [], [Locale.Fr]: [] };
  if (!isMatrixChange(request)) return none;
  const { version, baseVersion } = request.params;
  if (typeof version !== 'number' || typeof baseVersion !== 'number') return none;
  const [before, after] = await Promise.all([catalog.at(baseVersion), catalog.at(version)]);
  if (before.version !== baseVersion || after.version !== version) return none;
  const diff = diffCatalogs(before, after);
  return { [Locale.En]: diffInWords(diff, 'en'), [Locale.Fr]: diffInWords(diff, 'fr') };
}

const CHANGE_LABEL: Record<Locale, string> = { [Locale.En]: 'Change', [Locale.Fr]: 'Changement' };

/**
 * What a message of a change of the matrix shows as its parameters: each line of the change in
 * words first, then the parameters but the YAML file itself (in the engine, not in a mail).
 */
export function matrixChangeParams(
  words: readonly string[],
  labelled: { label: string; value: string }[],
  yamlLabel: string,
  locale: Locale,
): { label: string; value: string }[] {
  return [
    ...words.map((value) => ({ label: CHANGE_LABEL[locale], value })),
    ...labelled.filter(({ label }) => label !== yamlLabel),
  ];
}
