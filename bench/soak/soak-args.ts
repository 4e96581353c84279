/** What `npm run soak -- …` was asked for. */
export interface SoakArgs {
  /** How long to hold the load; may be fractional. */
  minutes: number;
  /** Lifecycles per second to hold; unset: half the measured capacity. */
  rate?: number;
  /** Results file name without `.json`; unset: chosen from `minutes` (see `resultsName`). */
  out?: string;
}

/** `--minutes N` (default 10), `--rate R`, `--out <name>`. */
export function parseSoakArgs(argv: string[]): SoakArgs {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const minutes = positive('--minutes', value('--minutes') ?? '10');
  const rateText = value('--rate');
  return {
    minutes,
    ...(rateText !== undefined ? { rate: positive('--rate', rateText) } : {}),
    ...(value('--out') ? { out: value('--out') } : {}),
  };
}

/**
 * Full-length runs (10 minutes or more) write `soak-latest.json`, the committed reference; shorter
 * ones, such as CI's 1-minute smoke, write `soak-<minutes>m-latest.json` so they never replace it.
 */
export function resultsName(args: SoakArgs): string {
  if (args.out) return args.out;
  return args.minutes >= 10 ? 'soak-latest' : `soak-${args.minutes}m-latest`;
}

function positive(flag: string, text: string | undefined): number {
  const number = Number(text);
  if (!text || !Number.isFinite(number) || number <= 0) {
    throw new Error(`${flag} needs a positive number, got ${text ?? 'nothing'}`);
  }
  return number;
}
