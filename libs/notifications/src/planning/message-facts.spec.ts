import { CatalogAction } from '@app/catalog';
import { Locale } from '@app/parties';
import { actionWords, labelledParams } from './message-facts';

const action = {
  key: 'mariadb.add-read-only-replica',
  title: 'Add a MariaDB read-only Replica',
  comment: 'On request.',
  i18n: {
    fr: {
      title: 'Ajouter un réplica MariaDB en lecture seule',
      comment: 'Sur demande.',
      params: { instance: 'Nom du nœud' },
    },
  },
  paramsSchema: {
    type: 'object',
    properties: {
      instance: { type: 'string', description: 'Name of the node' },
      size: { type: 'integer', title: 'Size (GB)', description: 'ignored: title wins' },
      note: { type: 'string' },
    },
  },
} as unknown as CatalogAction;

describe('message facts', () => {
  it("labels parameters with the schema's title, else its description, else their name", () => {
    expect(labelledParams(action, { note: 'n', size: 20, instance: 'db-1', extra: [1] })).toEqual([
      { label: 'Name of the node', value: 'db-1' },
      { label: 'Size (GB)', value: '20' },
      { label: 'note', value: 'n' },
      { label: 'extra', value: '[1]' },
    ]);
  });

  it('labels parameters in French where the catalog translates them', () => {
    expect(labelledParams(action, { instance: 'db-1', note: 'n' }, Locale.Fr)).toEqual([
      { label: 'Nom du nœud', value: 'db-1' },
      { label: 'note', value: 'n' },
    ]);
  });

  it("gives the action's title and comment in the recipient's language", () => {
    expect(actionWords(action, action.key, Locale.Fr)).toEqual({
      title: 'Ajouter un réplica MariaDB en lecture seule',
      comment: 'Sur demande.',
    });
    expect(actionWords(action, action.key, Locale.En).title).toBe(action.title);
    expect(actionWords(undefined, 'gone.action', Locale.Fr)).toEqual({
      title: 'gone.action',
      comment: undefined,
    });
  });
});
