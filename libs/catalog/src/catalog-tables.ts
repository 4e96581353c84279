import type { ValidateFunction } from 'ajv';
import type { FieldProblem } from '@app/core';
import { CatalogAction, MatrixTable, Party, Plan, PlanCell, RaciLetters } from './catalog.types';
import { GENERIC_PRODUCT } from './loader/catalog-file.schema';
import { paramsProblems } from './params-problems';

export interface ActionFilter {
  product?: string;
  plan?: Plan;
  requestable?: boolean;
}

/**
 * One version of the validated matrix, in memory: the tables as published, and the effective
 * actions of every product (its own rows, plus the generic rows it does not override). Immutable.
 */
export class CatalogTables {
  private readonly byKey = new Map<string, CatalogAction>();

  constructor(
    readonly tables: readonly MatrixTable[],
    private readonly validators: ReadonlyMap<string, ValidateFunction>,
    /** The catalog version these tables are; 1 for a catalog read from files alone. */
    readonly version = 1,
  ) {
    const generic = tables.find((table) => table.product === GENERIC_PRODUCT)?.actions ?? [];
    for (const table of tables.filter((t) => t.product !== GENERIC_PRODUCT)) {
      const overridden = new Set(table.actions.map((action) => action.overrides));
      const inherited = (table.generic === false ? [] : generic)
        .filter((action) => !overridden.has(action.key))
        .map((action) => inherit(action, table.product));
      [...table.actions, ...inherited].forEach((action) => this.byKey.set(action.key, action));
    }
  }

  products(): { key: string; title: string }[] {
    return this.tables
      .filter((t) => t.product !== GENERIC_PRODUCT)
      .map((t) => ({ key: t.product, title: t.title }));
  }

  actions(filter: ActionFilter = {}): CatalogAction[] {
    return [...this.byKey.values()].filter(
      (action) =>
        (filter.product === undefined || action.product === filter.product) &&
        (filter.plan === undefined || allowsPlan(action.plans, filter.plan)) &&
        (filter.requestable === undefined || action.requestable === filter.requestable),
    );
  }

  action(key: string): CatalogAction | undefined {
    return this.byKey.get(key);
  }

  /** The letters of an action; none for a key the catalog no longer has. */
  lettersOf(key: string): RaciLetters {
    return this.byKey.get(key)?.raci ?? { [Party.Provider]: [], [Party.Customer]: [] };
  }

  /**
   * What is wrong with a request's parameters, as JSON Schema says, each named `params.<path>`: an
   * unknown property by its own name, with the closest known ones.
   */
  validateParams(action: CatalogAction, params: unknown): FieldProblem[] {
    const validate = this.validators.get(action.inheritedFrom ?? action.key);
    if (!validate) return [{ field: 'params', message: 'this action cannot be requested' }];
    if (validate(params)) return [];
    return paramsProblems(validate.errors ?? [], action.paramsSchema);
  }

  /** The same tables under another version number (a stored version's content). */
  numbered(version: number): CatalogTables {
    return new CatalogTables(this.tables, this.validators, version);
  }

  /** The party that does the work, under the rules the matrix's comments state. */
  performerOf(action: CatalogAction, subscription: { plan: Plan; onDemand: boolean }): Party {
    const rule = action.performer;
    if (subscription.plan === Plan.SelfService && rule.selfService) return rule.selfService;
    if (subscription.onDemand && rule.onDemand) return rule.onDemand;
    return rule.default;
  }
}

/** The number of distinct approvers a request for the action needs under the plan: 1 by default. */
export function approvalsRequired(action: Pick<CatalogAction, 'approval'>, plan: Plan): number {
  return action.approval?.plans?.[plan] ?? action.approval?.required ?? 1;
}

export function allowsPlan(plans: readonly PlanCell[], plan: Plan): boolean {
  return plans.includes('*') || plans.includes(plan);
}

function inherit(action: CatalogAction, product: string): CatalogAction {
  const slug = action.key.slice(GENERIC_PRODUCT.length + 1);
  return { ...action, key: `${product}.${slug}`, product, inheritedFrom: action.key };
}
