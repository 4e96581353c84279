import { CatalogAction } from '@app/catalog';
import { Locale } from '@app/parties';
import type { RequestView } from '@app/requests';
import { WaitingLine } from '../templates/message-context';

/** The action's title and comment in the recipient's language, English where none is given. */
export function actionWords(
  action: CatalogAction | undefined,
  key: string,
  locale: Locale,
): { title: string; comment?: string } {
  const translation = locale === Locale.Fr ? action?.i18n?.fr : undefined;
  return {
    title: translation?.title ?? action?.title ?? key,
    comment: translation?.comment ?? action?.comment,
  };
}

interface PropertySchema {
  title?: unknown;
  description?: unknown;
}

/**
 * The request's parameters, in the order its JSON Schema lists them, each labelled in the
 * recipient's language (the catalog's `i18n.fr.params`), else with the schema's `title`, else its
 * `description`, else its name; values that are not text as JSON.
 */
export function labelledParams(
  action: CatalogAction | undefined,
  params: Record<string, unknown>,
  locale: Locale = Locale.En,
): { label: string; value: string }[] {
  const properties = (action?.paramsSchema?.properties ?? {}) as Record<string, PropertySchema>;
  const translated = locale === Locale.Fr ? (action?.i18n?.fr?.params ?? {}) : {};
  const names = [
    ...Object.keys(properties).filter((name) => name in params),
    ...Object.keys(params).filter((name) => !(name in properties)),
  ];
  return names.map((name) => {
    const schema = properties[name] ?? {};
    const label = [translated[name], schema.title, schema.description].find(
      (text): text is string => typeof text === 'string' && text.length > 0,
    );
    const value = params[name];
    return {
      label: label ?? name,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    };
  });
}

/** Who the request waits on, as a message lists it; nobody once it no longer waits. */
export function waitingLines(request: RequestView): WaitingLine[] {
  return request.waitingOn.map(({ party, roles, reason, dueAt }) => ({
    party,
    roles,
    reason,
    dueAt: dueAt ? new Date(dueAt) : null,
  }));
}
