import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Party, Plan } from '../catalog.types';
import { loadCatalog } from './catalog-loader';
import { CatalogProblem, CatalogValidationError } from './catalog-validation.error';

const GENERIC = `product: generic
title: Generic
actions:
  - key: generic.security-patches
    title: Security Patches
    plans: ["*"]
    raci:
      provider: "R"
      customer: "A / I"
    requestable: true
    performer: { default: provider }
    paramsSchema:
      type: object
      additionalProperties: false
      required: [resource]
      properties:
        resource: { type: string, minLength: 1 }
`;

const productFile = (action: string) => `product: widgets
title: Widgets
actions:
${action}`;

const VALID_ACTION = `  - key: widgets.add-widget
    title: Add a widget
    plans: [self-service]
    raci:
      provider: "I"
      customer: "A / R"
    requestable: true
    performer: { default: customer, onDemand: customer, via: ITCare }
    paramsSchema:
      type: object
      additionalProperties: false
      required: [name]
      properties:
        name: { type: string }
`;

describe('loadCatalog', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'raci-catalog-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(files: Record<string, string>): void {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  }

  function problemsOf(files: Record<string, string>): CatalogProblem[] {
    write(files);
    try {
      loadCatalog(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogValidationError);
      return (error as CatalogValidationError).problems;
    }
    throw new Error('the catalog loaded, but problems were expected');
  }

  it('applies no generic row to a product whose file sets generic: false', () => {
    const own = productFile(VALID_ACTION).replace(
      'title: Widgets\n',
      'title: Widgets\ngeneric: false\n',
    );
    write({ 'generic.yaml': GENERIC, 'widgets.yaml': own });
    const catalog = loadCatalog(dir);
    expect(catalog.actions().map((a) => a.key)).toEqual(['widgets.add-widget']);
    expect(problemsOf({ 'widgets.yaml': own.replace('generic: false', 'generic: maybe') })).toEqual(
      [expect.objectContaining({ file: join(dir, 'widgets.yaml'), line: 3 })],
    );
  });

  it('loads a product with its own and inherited actions', () => {
    write({ 'generic.yaml': GENERIC, 'widgets.yaml': productFile(VALID_ACTION) });
    const catalog = loadCatalog(dir);
    expect(catalog.actions().map((a) => a.key)).toEqual([
      'widgets.add-widget',
      'widgets.security-patches',
    ]);
    const inherited = catalog.action('widgets.security-patches')!;
    expect(inherited.inheritedFrom).toBe('generic.security-patches');
    expect(inherited.raci).toEqual({ provider: ['R'], customer: ['A', 'I'] });
    expect(catalog.validateParams(inherited, { resource: 'db-1' })).toEqual([]);
    expect(catalog.validateParams(inherited, { resource: 'db-1', extra: 1 })).not.toEqual([]);
    const own = catalog.action('widgets.add-widget')!;
    expect(catalog.performerOf(own, { plan: Plan.SelfService, onDemand: false })).toBe(
      Party.Customer,
    );
  });

  it('reports two Accountable parties with file and line', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': productFile(VALID_ACTION.replace('provider: "I"', 'provider: "A / I"')),
    });
    expect(problems).toEqual([
      {
        file: join(dir, 'widgets.yaml'),
        line: 8,
        action: 'widgets.add-widget',
        message: 'exactly one Accountable party is required, found 2 (provider, customer)',
      },
    ]);
  });

  it('reports an action with no Responsible party', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': productFile(VALID_ACTION.replace('customer: "A / R"', 'customer: "A"')),
    });
    expect(problems.map((p) => p.message)).toEqual(['at least one Responsible party is required']);
  });

  it('reports an unknown letter at its line', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': productFile(
        VALID_ACTION.replace('customer: "A / R"', 'customer: "A / R / X"'),
      ),
    });
    expect(problems[0]).toMatchObject({
      line: 9,
      message: expect.stringContaining('unknown RACI letter "X"'),
    });
  });

  it('reports a params schema that does not compile', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': productFile(
        VALID_ACTION.replace('name: { type: string }', 'name: { type: strng }'),
      ),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 13,
      message: expect.stringMatching(/^paramsSchema does not compile/),
    });
  });

  it('reports unknown plans and fields through the schema', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': productFile(
        VALID_ACTION.replace('[self-service]', '[sometimes]').replace(
          '    requestable',
          '    colour: red\n    requestable',
        ),
      ),
    });
    expect(problems.map((p) => p.line)).toEqual([6, 4]);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/actions\.0\.plans\.0.*colour/s);
  });

  it('reports duplicate keys across files', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': productFile(VALID_ACTION + VALID_ACTION),
    });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('duplicate key')]);
  });

  it('requires an explicit override for a generic action a product repeats', () => {
    const repeated = VALID_ACTION.replace('widgets.add-widget', 'widgets.security-patches');
    expect(
      problemsOf({ 'generic.yaml': GENERIC, 'widgets.yaml': productFile(repeated) })[0].message,
    ).toMatch(/overrides: generic.security-patches/);
  });

  it('requires a params schema on requestable actions', () => {
    const withoutSchema = VALID_ACTION.slice(0, VALID_ACTION.indexOf('    paramsSchema'));
    expect(
      problemsOf({ 'generic.yaml': GENERIC, 'widgets.yaml': productFile(withoutSchema) })[0]
        .message,
    ).toBe('a requestable action needs a paramsSchema');
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf({
      'generic.yaml': GENERIC,
      'widgets.yaml': 'product: widgets\nactions: [\n',
    });
    expect(problems[0]).toMatchObject({
      file: join(dir, 'widgets.yaml'),
      line: expect.any(Number),
    });
  });

  it('takes the letters of a reading and keeps the seed letters beside them', () => {
    const noAccountable = GENERIC.replace('customer: "A / I"', 'customer: "I"').replace(
      '    requestable',
      '    reading:\n      note: no A in the seed\n      raci: { provider: "R / A", customer: "I" }\n    requestable',
    );
    write({ 'generic.yaml': noAccountable, 'widgets.yaml': productFile(VALID_ACTION) });
    const action = loadCatalog(dir).action('widgets.security-patches')!;
    expect(action.raci.provider).toEqual(['R', 'A']);
    expect(action.reading).toEqual({
      note: 'no A in the seed',
      seed: { provider: ['R'], customer: ['I'] },
    });
  });
});
