import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatrixCopy } from './matrix-copy';

/**
 * A copy of config/raci in which one action (by its key as its file writes it, e.g.
 * `generic.backup-and-restoration`) needs `required` distinct approvers.
 */
export function matrixWithQuorum(key: string, required: number): MatrixCopy {
  const dir = mkdtempSync(join(tmpdir(), 'raci-quorum-'));
  cpSync(join(__dirname, '../../config/raci'), dir, { recursive: true });
  const file = join(dir, `${key.slice(0, key.indexOf('.'))}.yaml`);
  const line = `  - key: ${key}\n`;
  const seed = readFileSync(file, 'utf8');
  if (!seed.includes(line)) throw new Error(`the seed catalog has no action ${key}`);
  writeFileSync(file, seed.replace(line, `${line}    approval: { required: ${required} }\n`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
