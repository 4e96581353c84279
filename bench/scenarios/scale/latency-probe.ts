import autocannon from 'autocannon';

export interface ProbeOptions {
  url: string;
  token: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface ProbeResult {
  p50: number;
  p99: number;
  requests: number;
}

/**
 * Latency of one GET under steady load: a warmup run first (discarded: it fills the connection
 * pool, the JIT and PostgreSQL's cache), then the measured run. Any non-2xx fails it.
 */
export async function probeLatency(options: ProbeOptions): Promise<ProbeResult> {
  await run(options, options.warmupSeconds);
  const result = await run(options, options.seconds);
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

async function run(options: ProbeOptions, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: seconds,
    headers: { Authorization: `Bearer ${options.token}` },
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${options.url}: ${failed} of ${result.requests.total} failed`);
  return result;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
