import type { EntityManager } from 'typeorm';

/** A statement with its parameters, as TypeORM's query builders give them. */
export interface BatchedStatement {
  getQueryAndParameters(): [string, unknown[]];
}

/**
 * Writes of one change sent in one round trip. On PostgreSQL they become the parts of one
 * statement: each but the last a data-modifying `WITH` part, the last the main statement, all
 * applied together or not at all, and none reading another's rows. SQLite has no data-modifying
 * `WITH`, and no round trip to save in process: there they run one after another, in order.
 * Call it in a transaction; `run` answers how many rows the last statement changed.
 */
export class StatementBatch {
  private readonly statements: [string, unknown[]][] = [];

  constructor(private readonly manager: EntityManager) {}

  add(statement: BatchedStatement): this {
    this.statements.push(statement.getQueryAndParameters());
    return this;
  }

  async run(): Promise<number> {
    if (this.statements.length === 0) return 0;
    if (this.manager.connection.options.type !== 'postgres') {
      let affected = 0;
      for (const [sql, parameters] of this.statements) affected = await this.send(sql, parameters);
      return affected;
    }
    const [sql, parameters] = combined(this.statements);
    return this.send(sql, parameters);
  }

  private async send(sql: string, parameters: unknown[]): Promise<number> {
    const own = this.manager.queryRunner;
    const runner = own ?? this.manager.connection.createQueryRunner();
    try {
      const result = (await runner.query(sql, parameters, true)) as { affected?: number };
      return Number(result.affected ?? 0);
    } finally {
      if (!own) await runner.release();
    }
  }
}

/** The statements as one PostgreSQL statement, their `$n` placeholders numbered on. */
export function combined(statements: [string, unknown[]][]): [string, unknown[]] {
  const parameters: unknown[] = [];
  const parts = statements.map(([sql, own]) => {
    const offset = parameters.length;
    parameters.push(...own);
    return offset === 0
      ? sql
      : sql.replace(/\$(\d+)\b/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const main = parts.pop()!;
  if (parts.length === 0) return [main, parameters];
  const withs = parts.map((sql, i) => `w${i} AS (${sql})`).join(', ');
  return [`WITH ${withs} ${main}`, parameters];
}
