import { DataSource } from 'typeorm';

/** Rows in each table of the engine's schema, by table name. */
export type RowCounts = Record<string, number>;

/**
 * Counts the rows of every table of the engine (found in the schema, so a new table is counted
 * too) in one query, cheap enough to run around each call.
 */
export class RowCounter {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly sql: string,
    readonly tables: string[],
  ) {}

  static async of(dataSource: DataSource): Promise<RowCounter> {
    const rows: { name: string }[] = await dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const tables = rows.map((row) => row.name);
    const sql = `SELECT ${tables
      .map((table, i) => `(SELECT count(*) FROM "${table}")::int AS c${i}`)
      .join(', ')}`;
    return new RowCounter(dataSource, sql, tables);
  }

  async count(): Promise<RowCounts> {
    const [row] = await this.dataSource.query<Record<string, number>[]>(this.sql);
    return Object.fromEntries(this.tables.map((table, i) => [table, Number(row[`c${i}`])]));
  }
}
