import { performance } from 'node:perf_hooks';
import { BenchCast } from './bench-cast';
import { expectCall } from './bench-http';
import { LifecycleAction } from './lifecycle-action';

/** One step of a lifecycle as the client saw it: the change committed when its answer came. */
export interface StepRecord {
  requestId: string;
  /** The event the step produced, e.g. `request.approved`. */
  event: string;
  /** performance.now() when the engine answered. */
  committedAt: number;
  latencyMs: number;
}

const STEPS = [
  { verb: 'approve', event: 'request.approved', by: 'approvers' },
  { verb: 'start', event: 'request.started', by: 'operators' },
  { verb: 'complete', event: 'request.completed', by: 'operators' },
] as const;

/**
 * Drives one request from submission to completion through the HTTP API: a customer requester
 * submits, a provider approver approves, a provider operator starts and completes. `n` picks who
 * acts, to spread the load over the cast. Fails on any unexpected answer.
 */
export async function runLifecycle(
  url: string,
  cast: BenchCast,
  action: LifecycleAction,
  n: number,
): Promise<StepRecord[]> {
  const pick = <T>(list: T[]) => list[n % list.length];
  const records: StepRecord[] = [];
  const timed = async <T>(work: () => Promise<T>, event: (result: T) => [string, string]) => {
    const began = performance.now();
    const result = await work();
    const committedAt = performance.now();
    const [requestId, name] = event(result);
    records.push({ requestId, event: name, committedAt, latencyMs: committedAt - began });
  };
  let id = '';
  await timed(
    () =>
      expectCall(201, url, 'POST', '/v1/requests', pick(cast.requesters).token, {
        action: action.key,
        params: action.params,
      }),
    (body) => {
      id = body.id as string;
      return [id, 'request.submitted'];
    },
  );
  for (const step of STEPS) {
    await timed(
      () =>
        expectCall(
          200,
          url,
          'POST',
          `/v1/requests/${id}/${step.verb}`,
          pick(cast[step.by]).token,
          {},
        ),
      () => [id, step.event],
    );
  }
  return records;
}

export interface LifecycleLoadResult {
  /** Lifecycles that reached `completed` within the window. */
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  steps: StepRecord[];
  firstError?: string;
}

/**
 * `concurrency` clients each running lifecycles back to back for `durationMs`; a lifecycle counts
 * when its completion is answered, so work started but not finished never inflates the rate.
 */
export async function runLifecycleLoad(options: {
  url: string;
  cast: BenchCast;
  action: LifecycleAction;
  concurrency: number;
  durationMs: number;
}): Promise<LifecycleLoadResult> {
  const { url, cast, action, concurrency, durationMs } = options;
  const began = performance.now();
  const deadline = began + durationMs;
  const steps: StepRecord[] = [];
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  let n = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      try {
        steps.push(...(await runLifecycle(url, cast, action, n++)));
        if (performance.now() <= deadline) completed++;
      } catch (error) {
        failed++;
        firstError ??= (error as Error).message;
        // An engine that refuses should not be hammered in a tight loop.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - began) / 1000;
  return {
    completed,
    failed,
    seconds,
    perSecond: completed / (durationMs / 1000),
    steps,
    firstError,
  };
}
