import { join } from 'node:path';
import { loadCatalog } from './loader/catalog-loader';

const CONFIG_RACI = join(__dirname, '../../../config/raci');

describe('the seed matrix in French', () => {
  const catalog = loadCatalog(CONFIG_RACI);

  it('gives every action a French title, and its comment in French where it has one', () => {
    for (const action of catalog.actions()) {
      const fr = action.i18n?.fr;
      expect({ key: action.key, title: Boolean(fr?.title) }).toEqual({
        key: action.key,
        title: true,
      });
      if (action.comment)
        expect({ key: action.key, comment: fr?.comment }).not.toEqual({
          key: action.key,
          comment: undefined,
        });
    }
  });

  it('labels every parameter of every requestable action in French', () => {
    for (const action of catalog.actions({ requestable: true })) {
      const names = Object.keys(action.paramsSchema?.properties ?? {});
      const labelled = Object.keys(action.i18n?.fr?.params ?? {});
      expect({ key: action.key, labelled }).toEqual({ key: action.key, labelled: names });
    }
  });

  it('keeps the translation of a generic row on the products that inherit it', () => {
    expect(catalog.action('mariadb.modify-configurations')?.i18n?.fr?.title).toBe(
      'Modifier les configurations',
    );
  });
});
