import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from './catalog-loader';
import { CatalogValidationError } from './catalog-validation.error';

const GENERIC = (i18n: string) => `product: generic
title: Generic
actions:
  - key: generic.security-patches
    title: Security Patches
${i18n}    plans: ["*"]
    raci:
      provider: "R"
      customer: "A / I"
    requestable: true
    comment: Patched each quarter.
    performer: { default: provider }
    paramsSchema:
      type: object
      properties:
        resource: { type: string, description: Name of the resource }
`;

const WIDGETS = `product: widgets
title: Widgets
actions:
  - key: widgets.use-widgets
    title: Use widgets
    plans: ["*"]
    raci: { provider: "I", customer: "A / R" }
    requestable: false
    performer: { default: customer }
`;

describe('loadCatalog, translations', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'raci-i18n-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = (i18n: string) => {
    writeFileSync(join(dir, 'generic.yaml'), GENERIC(i18n));
    writeFileSync(join(dir, 'widgets.yaml'), WIDGETS);
    return loadCatalog(dir);
  };
  const problemsOf = (i18n: string): string[] => {
    try {
      load(i18n);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogValidationError);
      return (error as CatalogValidationError).problems.map((p) => p.message);
    }
    throw new Error('the catalog loaded, but problems were expected');
  };

  it('keeps the French title, comment and parameter labels of an action', () => {
    const catalog = load(`    i18n:
      fr:
        title: Correctifs de sécurité
        comment: Appliqués chaque trimestre.
        params: { resource: Nom de la ressource }
`);
    expect(catalog.action('widgets.security-patches')?.i18n).toEqual({
      fr: {
        title: 'Correctifs de sécurité',
        comment: 'Appliqués chaque trimestre.',
        params: { resource: 'Nom de la ressource' },
      },
    });
  });

  it('refuses a translation without the comment, or labelling an unknown parameter', () => {
    expect(
      problemsOf(`    i18n:
      fr:
        title: Correctifs de sécurité
        params: { resources: Nom }
`),
    ).toEqual([
      'the action has a comment: give its French too (i18n.fr.comment)',
      '"resources" is not a parameter of paramsSchema',
    ]);
    expect(problemsOf(`    i18n: { de: { title: Sicherheit } }\n`)[0]).toMatch(/^actions\.0\.i18n/);
  });
});
