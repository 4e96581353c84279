import type { FieldProblem } from '@app/core';
import { ActionFilter, CatalogTables } from './catalog-tables';
import { CatalogAction, MatrixTable, Party, Plan, RaciLetters } from './catalog.types';

export { allowsPlan, approvalsRequired } from './catalog-tables';
export type { ActionFilter } from './catalog-tables';

/** Where the tables of a version that is not in memory yet come from (the stored versions). */
export type CatalogVersionSource = (version: number) => Promise<CatalogTables | undefined>;

/**
 * The matrix in force: the tables of the active version, swapped at once when another version
 * becomes active, and the tables of any other version on demand (read once from the stored
 * versions, then kept), for what was routed under it. Knows versions, not what pins them.
 */
export class Catalog {
  private active: CatalogTables;
  private readonly known = new Map<number, CatalogTables>();
  private source?: CatalogVersionSource;

  /**
   * `initial`: the tables read from the matrix files. They are not taken for any stored version
   * (the files may have changed since version 1) until `activate` says which one they are.
   */
  constructor(initial: CatalogTables) {
    this.active = initial;
  }

  /** The number of the active version. */
  get version(): number {
    return this.active.version;
  }

  get tables(): readonly MatrixTable[] {
    return this.active.tables;
  }

  /** The active version's tables, as one consistent whole (a later swap does not change them). */
  current(): CatalogTables {
    return this.active;
  }

  /** Makes these tables the active version, at once, for every later read. */
  activate(tables: CatalogTables): void {
    this.known.set(tables.version, tables);
    this.active = tables;
  }

  /** Tells the catalog where stored versions are read from. */
  readVersionsFrom(source: CatalogVersionSource): void {
    this.source = source;
  }

  /** Whether a version's tables are in memory. */
  holds(version: number): boolean {
    return this.known.has(version);
  }

  /**
   * The tables of one version: the active one's, or an older (or newer) one's, read once. A version
   * nobody stored (never expected: a request pins the version it was routed under) gives the
   * active tables, so a reader is never left without letters.
   */
  async at(version: number | null | undefined): Promise<CatalogTables> {
    if (version === null || version === undefined) return this.active;
    const known = this.known.get(version);
    if (known) return known;
    // A catalog of files alone (no stored versions) has one version.
    if (!this.source) return this.active;
    const loaded = await this.source?.(version);
    if (!loaded) return this.active;
    this.known.set(version, loaded);
    return loaded;
  }

  products(): { key: string; title: string }[] {
    return this.active.products();
  }

  actions(filter: ActionFilter = {}): CatalogAction[] {
    return this.active.actions(filter);
  }

  action(key: string): CatalogAction | undefined {
    return this.active.action(key);
  }

  /** The letters of an action in the active version; none for a key it does not have. */
  lettersOf(key: string): RaciLetters {
    return this.active.lettersOf(key);
  }

  validateParams(action: CatalogAction, params: unknown): FieldProblem[] {
    return this.active.validateParams(action, params);
  }

  performerOf(action: CatalogAction, subscription: { plan: Plan; onDemand: boolean }): Party {
    return this.active.performerOf(action, subscription);
  }
}
