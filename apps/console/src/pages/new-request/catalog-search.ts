import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Schemas } from '../../api/api-client';
import type { Language } from '../../i18n/language';
import { labelOf } from '../request/label-of';

export type CatalogAction = Schemas['CatalogActionResponse'];

/** The action's title in `language` where the catalog has it, else in English. */
export function titleIn(action: CatalogAction, language: Language): string {
  return (language === 'fr' ? action.i18n?.fr?.title : undefined) ?? action.title;
}

/** The action's comment in `language` where the catalog has it, else in English, else none. */
export function commentIn(action: CatalogAction, language: Language): string | undefined {
  return (language === 'fr' ? action.i18n?.fr?.comment : undefined) ?? action.comment;
}

/** Lower case, without accents: `Réplique` and `replique` match. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The actions whose title (in `language` or English) or product holds every word of `query`,
 * sorted by product then title.
 */
export function searchCatalog(
  actions: readonly CatalogAction[],
  query: string,
  language: Language,
): CatalogAction[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return actions
    .filter((action) => {
      const haystack = folded(
        [action.title, titleIn(action, language), action.product, action.key].join(' '),
      );
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) =>
        a.product.localeCompare(b.product) ||
        titleIn(a, language).localeCompare(titleIn(b, language), language),
    );
}

/**
 * The labels of the form's fields: in French the catalog's translation of each parameter, else
 * the schema's `title`, else a readable form of the property's name; nested objects alike.
 */
export function fieldLabels(schema: RJSFSchema, translated: Record<string, string> = {}): UiSchema {
  const properties = schema.properties ?? {};
  return Object.fromEntries(
    Object.entries(properties).flatMap(([name, property]) => {
      if (typeof property !== 'object') return [];
      const title = translated[name] ?? property.title ?? labelOf(name);
      return [[name, { ...fieldLabels(property), 'ui:title': title }]];
    }),
  );
}

/** The labels of `action`'s parameters in `language`. */
export function labelsIn(action: CatalogAction, language: Language): UiSchema {
  const schema = (action.paramsSchema ?? {}) as RJSFSchema;
  return fieldLabels(schema, language === 'fr' ? action.i18n?.fr?.params : undefined);
}

/**
 * The schema the form shows in `language`: in French, a parameter the catalog translates loses its
 * English description (its French label says it); validation is unchanged.
 */
export function schemaIn(action: CatalogAction, language: Language): RJSFSchema {
  const schema = (action.paramsSchema ?? { type: 'object' }) as RJSFSchema;
  const translated = language === 'fr' ? (action.i18n?.fr?.params ?? {}) : {};
  if (!schema.properties || Object.keys(translated).length === 0) return schema;
  const properties: NonNullable<RJSFSchema['properties']> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (typeof property === 'object' && name in translated) {
      const shown: RJSFSchema = { ...property };
      delete shown.description;
      properties[name] = shown;
    } else {
      properties[name] = property;
    }
  }
  return { ...schema, properties };
}
