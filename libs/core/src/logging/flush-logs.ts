import { PinoLogger } from 'nestjs-pino';

/** The longest a flush may take before the caller goes on anyway. */
const FLUSH_TIMEOUT_MS = 1_000;

/**
 * Waits until the log lines written so far are out (the pretty printer runs in a thread of its own),
 * so a line written to the terminal next comes after them.
 */
export function flushLogs(): Promise<void> {
  return new Promise((done) => {
    const root = PinoLogger.root as PinoLogger['logger'] | undefined;
    if (!root) return done();
    const timer = setTimeout(done, FLUSH_TIMEOUT_MS);
    root.flush(() => {
      clearTimeout(timer);
      done();
    });
  });
}
