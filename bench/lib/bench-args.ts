/** What `npm run bench -- …` was asked for. */
export interface BenchArgs {
  /** Every scenario for a few seconds on small data: CI's run, which asserts no speed. */
  quick: boolean;
  /** Results file name without `.json`: `latest`, or `quick-latest` with `--quick`. */
  out: string;
  /** Leaves out the slowest scenario while iterating. */
  skipScale: boolean;
  /** Writes a full run's results although the machine was busy at its start. */
  force: boolean;
}

/** `--quick`; `--out <name>`; `--skip-scale`; `--force`. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const quick = argv.includes('--quick');
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && (!out || out.startsWith('--'))) {
    throw new Error('--out needs a file name (without .json)');
  }
  return {
    quick,
    out: out ?? (quick ? 'quick-latest' : 'latest'),
    skipScale: argv.includes('--skip-scale'),
    force: argv.includes('--force'),
  };
}
