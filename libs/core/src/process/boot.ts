import { AppConfig, InvalidConfigError } from '../config/app-config';
import {
  keepEmbeddedSecrets,
  requireSecretsOutsideEmbeddedDefault,
} from '../config/startup-secrets';
import { ensureRedis } from '../redis/local-redis';
import { RedisUnreachableError } from '../redis/redis-connection';

/** An error whose message is fit to end a start on its own, without a stack trace. */
export interface StartupProblem extends Error {
  readonly startupLines?: string[];
}

/**
 * One line for the person who started the engine, on stderr: stdout carries only the logs (JSON
 * lines for collectors in production), so these few lines never get in a parser's way.
 */
export function announce(line: string): void {
  process.stderr.write(`raci-engine: ${line}\n`);
}

/**
 * The checks every process makes before Nest starts: configuration (and, outside the embedded
 * default, its secrets), then Redis (which the embedded default starts when none answers on this
 * machine), then the secrets the embedded default keeps under `var/`. A failure prints one clear line
 * per problem and exits, because a half-started engine helps nobody.
 */
export async function preflight(): Promise<AppConfig> {
  try {
    const config = AppConfig.fromEnv();
    requireSecretsOutsideEmbeddedDefault(config);
    const started = await ensureRedis(config);
    if (started) announce(started);
    const kept = keepEmbeddedSecrets(config);
    kept.lines.forEach(announce);
    return kept.config;
  } catch (error) {
    return exitOnStartupProblem(error);
  }
}

/** Ends the process with readable lines for known start problems; rethrows anything else. */
export function exitOnStartupProblem(error: unknown): never {
  if (error instanceof InvalidConfigError) {
    error.problems.forEach((problem) => process.stderr.write(`raci-engine: config: ${problem}\n`));
  } else if (error instanceof RedisUnreachableError) {
    process.stderr.write(`raci-engine: ${error.message}\n`);
  } else if (error instanceof Error && (error as StartupProblem).startupLines) {
    (error as StartupProblem).startupLines!.forEach((line) =>
      process.stderr.write(`raci-engine: ${line}\n`),
    );
  } else {
    throw error;
  }
  process.exit(1);
}
