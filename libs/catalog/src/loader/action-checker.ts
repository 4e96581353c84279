import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CatalogAction, MatrixTable, Party, PARTIES, RaciLetters } from '../catalog.types';
import { CatalogFile, CatalogFileAction } from './catalog-file.schema';
import { CatalogProblem } from './catalog-validation.error';
import { parseRaciCell } from './raci-cell';
import { YamlLocator } from './yaml-locator';

type Cells = CatalogFileAction['raci'];

/**
 * Checks the rules of one matrix file that its schema cannot express (one Accountable, at least
 * one Responsible, schemas that compile, …) and turns its actions into catalog actions.
 */
export class ActionChecker {
  readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: true, coerceTypes: false }));

  constructor(private readonly problems: CatalogProblem[]) {}

  checkFile(file: string, content: CatalogFile, locator: YamlLocator): MatrixTable {
    const actions = content.actions.map((action, index) => {
      const report = (field: PropertyKey[], message: string) =>
        this.problems.push({
          file,
          line: locator.lineOf(['actions', index, ...field]),
          action: action.key,
          message,
        });
      return this.checkAction(content.product, action, report);
    });
    const { product, title } = content;
    return { product, title, file, actions, ...(content.generic === false && { generic: false }) };
  }

  private checkAction(
    product: string,
    action: CatalogFileAction,
    report: (field: PropertyKey[], message: string) => void,
  ): CatalogAction {
    if (!action.key.startsWith(`${product}.`)) report(['key'], `key must start with "${product}."`);
    if (action.plans.includes('*') && action.plans.length > 1)
      report(['plans'], '"*" already means any plan');
    const seed = this.letters(action.raci, ['raci'], report);
    const raci = action.reading
      ? this.letters(action.reading.raci, ['reading', 'raci'], report)
      : seed;
    const where = action.reading ? ['reading', 'raci'] : ['raci'];
    const accountable = PARTIES.filter((party) => raci[party].includes('A'));
    if (accountable.length !== 1) {
      report(
        where,
        `exactly one Accountable party is required, found ${accountable.length} (${accountable.join(', ') || 'none'})`,
      );
    }
    if (!PARTIES.some((party) => raci[party].includes('R')))
      report(where, 'at least one Responsible party is required');
    this.checkParams(action, report);
    this.checkTranslation(action, report);
    if (action.quota && !action.requestable)
      report(['quota'], 'a quota needs a requestable action');
    if (action.approval && !action.requestable)
      report(['approval'], 'a quorum of approvers needs a requestable action');
    return {
      key: action.key,
      product,
      title: action.title,
      i18n: action.i18n
        ? { fr: { ...action.i18n.fr, comment: action.i18n.fr.comment?.trim() } }
        : undefined,
      plans: action.plans,
      raci,
      requestable: action.requestable,
      approvedBySubmission: action.approvedBySubmission ?? false,
      approval: action.approval,
      deadline: action.deadline,
      comment: action.comment?.trim(),
      performer: action.performer,
      paramsSchema: action.paramsSchema,
      reading: action.reading ? { note: action.reading.note, seed } : undefined,
      overrides: action.overrides,
      quota: action.quota,
      checklist: action.checklist,
      exceptions: action.exceptions,
    };
  }

  private letters(
    cells: Cells,
    at: PropertyKey[],
    report: (field: PropertyKey[], message: string) => void,
  ): RaciLetters {
    const result = { [Party.Provider]: [], [Party.Customer]: [] } as RaciLetters;
    for (const party of PARTIES) {
      const parsed = parseRaciCell(cells[party] ?? '');
      if ('problem' in parsed) report([...at, party], `${party}: ${parsed.problem}`);
      else result[party] = parsed.letters;
    }
    return result;
  }

  /** A translation says what the English says: a comment where there is one, known parameters. */
  private checkTranslation(
    action: CatalogFileAction,
    report: (field: PropertyKey[], message: string) => void,
  ): void {
    const fr = action.i18n?.fr;
    if (!fr) return;
    if (action.comment && !fr.comment)
      report(['i18n', 'fr'], 'the action has a comment: give its French too (i18n.fr.comment)');
    const properties = (action.paramsSchema?.properties ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(fr.params ?? {})) {
      if (!(name in properties))
        report(['i18n', 'fr', 'params', name], `"${name}" is not a parameter of paramsSchema`);
    }
  }

  private checkParams(
    action: CatalogFileAction,
    report: (field: PropertyKey[], message: string) => void,
  ): void {
    if (!action.requestable) {
      if (action.paramsSchema)
        report(['paramsSchema'], 'a standing responsibility takes no request parameters');
      return;
    }
    if (!action.paramsSchema) {
      report(['requestable'], 'a requestable action needs a paramsSchema');
      return;
    }
    if (action.paramsSchema.type !== 'object') {
      report(['paramsSchema'], 'paramsSchema must describe an object (type: object)');
      return;
    }
    try {
      this.validators.set(action.key, this.ajv.compile(action.paramsSchema));
    } catch (error) {
      report(['paramsSchema'], `paramsSchema does not compile: ${(error as Error).message}`);
    }
  }
}
