import { existsSync, readFileSync } from 'node:fs';
import { contractReportFile } from './contract-check';
import { ContractMismatch } from './openapi-contract';

/**
 * `npm run contract:report` prints, as JSON, the mismatches a `CONTRACT_CHECK=report` run recorded
 * in `CONTRACT_REPORT`, one entry per operation, status and problem, with every distinct error, how
 * many answers had it and the test files that met it. Delete the file before a run to start afresh.
 */
interface Recorded extends ContractMismatch {
  file?: string;
}

interface Grouped extends ContractMismatch {
  answers: number;
  files: string[];
}

export function groupMismatches(recorded: Recorded[]): Grouped[] {
  const groups = new Map<string, Grouped>();
  for (const { file, ...mismatch } of recorded) {
    const key = `${mismatch.operation} ${mismatch.status} ${mismatch.problem}`;
    const group = groups.get(key) ?? { ...mismatch, errors: [], answers: 0, files: [] };
    group.answers += 1;
    for (const error of mismatch.errors)
      if (!group.errors.includes(error)) group.errors.push(error);
    if (file && !group.files.includes(file)) group.files.push(file);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => a.operation.localeCompare(b.operation) || a.status - b.status,
  );
}

if (require.main === module) {
  const file = contractReportFile();
  if (!existsSync(file)) {
    console.log(`No mismatch recorded: ${file} does not exist.`);
  } else {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    console.log(
      JSON.stringify(groupMismatches(lines.map((line) => JSON.parse(line) as Recorded)), null, 2),
    );
  }
}
