import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of config/raci for one test, and a way to remove it. */
export interface MatrixCopy {
  dir: string;
  remove(): void;
}

/**
 * A copy of the seed matrix in which the MariaDB read-only replica expires at its deadline (two
 * working days) instead of escalating.
 */
export function matrixWithExpiry(): MatrixCopy {
  const dir = mkdtempSync(join(tmpdir(), 'raci-matrix-'));
  cpSync(join(__dirname, '../../config/raci'), dir, { recursive: true });
  const file = join(dir, 'mariadb.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      '    requestable: true\n',
      '    requestable: true\n    deadline: { businessDays: 2, onMiss: expire }\n',
    ),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
