/** How long a graceful shutdown may take before the process ends anyway. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Ends the process if a graceful shutdown (SIGTERM, SIGINT) has not finished within `deadlineMs`.
 * Closing BullMQ waits for Redis, so while Redis is down a stop would otherwise hang until the
 * orchestrator kills the process. Ending it is safe: a killed worker's jobs are taken up again, and
 * unrelayed events stay in the outbox. Returns what removes the guard.
 */
export function enforceShutdownDeadline(
  deadlineMs = SHUTDOWN_DEADLINE_MS,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const arm = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      process.stderr.write(
        `raci-engine: graceful shutdown after ${signal} took over ${deadlineMs} ms; exiting\n`,
      );
      exit(1);
    }, deadlineMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
  return () => {
    process.off('SIGTERM', arm);
    process.off('SIGINT', arm);
  };
}
