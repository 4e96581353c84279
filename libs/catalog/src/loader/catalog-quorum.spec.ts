import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvalsRequired } from '../catalog';
import { Plan } from '../catalog.types';
import { loadCatalog } from './catalog-loader';
import { CatalogProblem, CatalogValidationError } from './catalog-validation.error';

const GENERIC = `product: generic
title: Generic
actions:
  - key: generic.security-patches
    title: Security Patches
    plans: ["*"]
    raci: { provider: "R", customer: "A / I" }
    requestable: true
    performer: { default: provider }
    paramsSchema: { type: object }
`;

const widgets = (approval: string) => `product: widgets
title: Widgets
actions:
  - key: widgets.add-widget
    title: Add a widget
    plans: ["*"]
    raci: { provider: "A / R", customer: "I" }
    requestable: true
${approval}    performer: { default: provider }
    paramsSchema: { type: object }
`;

describe('loadCatalog: the quorum of approvers', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'raci-quorum-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function load(approval: string) {
    writeFileSync(join(dir, 'generic.yaml'), GENERIC);
    writeFileSync(join(dir, 'widgets.yaml'), widgets(approval));
    return loadCatalog(dir);
  }

  function problemsOf(approval: string): CatalogProblem[] {
    try {
      load(approval);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogValidationError);
      return (error as CatalogValidationError).problems;
    }
    throw new Error('the catalog loaded, but problems were expected');
  }

  it('defaults to one approver where the row sets no quorum', () => {
    const action = load('').action('widgets.add-widget')!;
    expect(action.approval).toBeUndefined();
    expect(approvalsRequired(action, Plan.OnRequest)).toBe(1);
  });

  it('takes the quorum of the row, and the one of a plan where it names one', () => {
    const catalog = load('    approval: { required: 2, plans: { self-service: 3 } }\n');
    const action = catalog.action('widgets.add-widget')!;
    expect(approvalsRequired(action, Plan.OnRequest)).toBe(2);
    expect(approvalsRequired(action, Plan.SelfService)).toBe(3);
    expect(approvalsRequired(catalog.action('widgets.security-patches')!, Plan.OnRequest)).toBe(1);
  });

  it.each(['0', '-1'])('refuses a quorum of %s with its line', (n) => {
    expect(problemsOf(`    approval: { required: ${n} }\n`)).toEqual([
      {
        file: join(dir, 'widgets.yaml'),
        line: 9,
        message:
          'actions.0.approval.required: must be 1 or more: a decision needs at least one approver',
      },
    ]);
  });

  it('refuses a plan quorum of 0 and a fractional one', () => {
    const problems = problemsOf(
      '    approval:\n      required: 1.5\n      plans: { on-request: 0 }\n',
    );
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [10, 'actions.0.approval.required'],
      [11, 'actions.0.approval.plans.on-request'],
    ]);
  });

  it('refuses a quorum on a standing responsibility', () => {
    const standing = widgets('    approval: { required: 2 }\n')
      .replace('requestable: true', 'requestable: false')
      .replace('    paramsSchema: { type: object }\n', '');
    writeFileSync(join(dir, 'generic.yaml'), GENERIC);
    writeFileSync(join(dir, 'widgets.yaml'), standing);
    expect(() => loadCatalog(dir)).toThrow(/a quorum of approvers needs a requestable action/);
  });
});

describe('config/raci', () => {
  it("stays faithful to the seed, which sets no quorum: only the engine's own change of the matrix needs two", () => {
    const catalog = loadCatalog(join(__dirname, '../../../../config/raci'));
    const withQuorum = catalog.actions().filter((action) => action.approval !== undefined);
    // The seed's products decide by one approver; `catalog` is the engine's addition, not the seed's.
    expect(withQuorum.map((action) => [action.key, action.approval])).toEqual([
      ['catalog.change-matrix', { required: 2 }],
    ]);
    expect(catalog.actions().length).toBeGreaterThan(0);
  });
});
