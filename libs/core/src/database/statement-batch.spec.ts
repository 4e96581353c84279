import type { EntityManager } from 'typeorm';
import { combined, StatementBatch } from './statement-batch';

const statement = (sql: string, parameters: unknown[]) => ({
  getQueryAndParameters: (): [string, unknown[]] => [sql, parameters],
});

function managerOn(type: string) {
  const query = jest.fn().mockResolvedValue({ affected: 1 });
  const manager = { connection: { options: { type } }, queryRunner: { query } };
  return { manager: manager as unknown as EntityManager, query };
}

describe('StatementBatch', () => {
  it('numbers the placeholders on and makes all but the last statement WITH parts', () => {
    const [sql, parameters] = combined([
      ['INSERT INTO a (x, y) VALUES ($1, $2)', ['x', 'y']],
      ['UPDATE b SET z = $1 WHERE id = $2', ['z', 'b1']],
      ['UPDATE c SET v = $1, w = $10 WHERE id = $2', ['v', 'c1']],
    ]);
    expect(sql).toBe(
      'WITH w0 AS (INSERT INTO a (x, y) VALUES ($1, $2)), ' +
        'w1 AS (UPDATE b SET z = $3 WHERE id = $4) ' +
        'UPDATE c SET v = $5, w = $14 WHERE id = $6',
    );
    expect(parameters).toEqual(['x', 'y', 'z', 'b1', 'v', 'c1']);
  });

  it('sends one statement on PostgreSQL and answers what the last one changed', async () => {
    const { manager, query } = managerOn('postgres');
    const batch = new StatementBatch(manager)
      .add(statement('INSERT INTO a VALUES ($1)', [1]))
      .add(statement('UPDATE c SET v = $1', [2]));
    expect(await batch.run()).toBe(1);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith(
      'WITH w0 AS (INSERT INTO a VALUES ($1)) UPDATE c SET v = $2',
      [1, 2],
      true,
    );
  });

  it('sends them one after another, in order, on SQLite', async () => {
    const { manager, query } = managerOn('better-sqlite3');
    query.mockResolvedValueOnce({ affected: 1 }).mockResolvedValueOnce({ affected: 0 });
    const batch = new StatementBatch(manager)
      .add(statement('INSERT INTO a VALUES (?)', [1]))
      .add(statement('UPDATE c SET v = ?', [2]));
    expect(await batch.run()).toBe(0);
    expect(query.mock.calls).toEqual([
      ['INSERT INTO a VALUES (?)', [1], true],
      ['UPDATE c SET v = ?', [2], true],
    ]);
  });
});
