import {
  type CatalogAction,
  fieldLabels,
  labelsIn,
  schemaIn,
  searchCatalog,
  titleIn,
} from './catalog-search';
import { noEligibleDeciderWords } from './no-eligible-decider';
import { format } from '../../i18n/language';
import { en } from '../../i18n/messages.en';
import { fr } from '../../i18n/messages.fr';

const action = (key: string, title: string, frTitle?: string): CatalogAction =>
  ({
    key,
    product: key.split('.')[0],
    title,
    ...(frTitle && { i18n: { fr: { title: frTitle } } }),
  }) as CatalogAction;

const CATALOG = [
  action(
    'mariadb.add-read-only-replica',
    'Add a MariaDB read-only Replica',
    'Ajouter une réplique',
  ),
  action('object-storage.create-bucket', 'Create Bucket', 'Créer un bucket'),
  action('mariadb.backup-and-restoration', 'Backup and restoration'),
];

describe('searchCatalog', () => {
  const keys = (list: CatalogAction[]) => list.map((a) => a.key);

  it('finds by words of the title or the product, sorted by product then title', () => {
    expect(keys(searchCatalog(CATALOG, 'mariadb', 'en'))).toEqual([
      'mariadb.add-read-only-replica',
      'mariadb.backup-and-restoration',
    ]);
    expect(keys(searchCatalog(CATALOG, 'bucket create', 'en'))).toEqual([
      'object-storage.create-bucket',
    ]);
    expect(searchCatalog(CATALOG, '', 'en')).toHaveLength(3);
    expect(searchCatalog(CATALOG, 'kafka', 'en')).toEqual([]);
  });

  it('matches the French title without accents, and the English one too', () => {
    expect(keys(searchCatalog(CATALOG, 'REPLIQUE', 'fr'))).toEqual([
      'mariadb.add-read-only-replica',
    ]);
    expect(keys(searchCatalog(CATALOG, 'replica', 'fr'))).toEqual([
      'mariadb.add-read-only-replica',
    ]);
    expect(titleIn(CATALOG[2], 'fr')).toBe('Backup and restoration');
  });
});

describe('fieldLabels', () => {
  it('labels each field by its translation, else its title, else its readable name', () => {
    const schema = {
      type: 'object' as const,
      properties: {
        instance: { type: 'string' as const, title: 'Instance name' },
        replicaName: { type: 'string' as const },
        owner: {
          type: 'object' as const,
          properties: { emailAddress: { type: 'string' as const } },
        },
      },
    };
    expect(fieldLabels(schema, { replicaName: 'Nom de la réplique' })).toEqual({
      instance: { 'ui:title': 'Instance name' },
      replicaName: { 'ui:title': 'Nom de la réplique' },
      owner: { 'ui:title': 'Owner', emailAddress: { 'ui:title': 'Email address' } },
    });
    const translated = {
      ...CATALOG[0],
      paramsSchema: schema,
      i18n: { fr: { title: 'x', params: { instance: 'Instance MariaDB' } } },
    };
    expect(labelsIn(translated, 'fr').instance).toEqual({ 'ui:title': 'Instance MariaDB' });
    expect(labelsIn(translated, 'en').instance).toEqual({ 'ui:title': 'Instance name' });
  });
});

describe('schemaIn', () => {
  it('drops in French the English description of a translated parameter, nothing else', () => {
    const paramsSchema = {
      type: 'object',
      required: ['instance'],
      properties: {
        instance: { type: 'string', description: 'Node to replicate', minLength: 1 },
        replicaName: { type: 'string', description: 'Name wished' },
      },
    };
    const replica = {
      ...CATALOG[0],
      paramsSchema,
      i18n: { fr: { title: 'x', params: { instance: 'Nœud à répliquer' } } },
    };
    expect(schemaIn(replica, 'fr')).toEqual({
      ...paramsSchema,
      properties: {
        instance: { type: 'string', minLength: 1 },
        replicaName: { type: 'string', description: 'Name wished' },
      },
    });
    expect(schemaIn(replica, 'en')).toBe(paramsSchema);
  });
});

describe('noEligibleDeciderWords', () => {
  const details = { party: 'customer', organization: 'Globex', roles: 'approver or admin' };

  it('says who must give which role, in the person’s language', () => {
    const t = (key: keyof typeof en, values?: Record<string, string | number>) =>
      format(en, key, values);
    expect(noEligibleDeciderWords(t, 'NO_ELIGIBLE_APPROVER', details)).toBe(
      'Nobody but you could approve this request for the customer party (Globex). To fix it, an ' +
        'administrator of Globex gives the role approver or administrator to another person; then submit again.',
    );
    const tFr = (key: keyof typeof en, values?: Record<string, string | number>) =>
      format(fr, key, values);
    expect(noEligibleDeciderWords(tFr, 'NO_ELIGIBLE_CONSULTANT', details)).toContain(
      'le rôle approbateur ou administrateur',
    );
    expect(noEligibleDeciderWords(t, 'QUOTA_EXCEEDED', details)).toBeUndefined();
  });
});
