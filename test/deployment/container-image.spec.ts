import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from '@app/core/config/app-config';
import { SERVER_ENV } from '@app/core/config/env/server.env';
import { missingSecrets } from '@app/core/config/startup-secrets';
import { DockerStage, execForm, instructionsOf, parseDockerfile } from './dockerfile';

/**
 * Docker does not run in CI, so the image is proven through what CI does run: the Dockerfile's
 * build steps are commands of `.ci/run`, and its start commands are package.json's start scripts.
 * Change one without the other and this fails.
 */
const ROOT = join(__dirname, '../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const dockerfile = read('Dockerfile');
const stages = parseDockerfile(dockerfile);
const runtime = stages[stages.length - 1];
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

interface ComposeService {
  profiles?: string[];
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { disable?: boolean };
}

/** A start script without its build: the command a built image runs, word by word. */
function startCommand(script: string): string[] {
  const prefix = 'npm run build && ';
  const command = pkg.scripts[script];
  expect(command.startsWith(prefix)).toBe(true);
  return command.slice(prefix.length).trim().split(/\s+/);
}

/** The stage a `COPY --from=<stage>` of the runtime names. */
function buildStage(): DockerStage {
  const from = instructionsOf(runtime, 'COPY')
    .map((args) => /--from=(\S+)/.exec(args)?.[1])
    .filter((name): name is string => name !== undefined);
  const names = [...new Set(from)];
  expect(names).toHaveLength(1);
  const stage = stages.find((s) => s.name === names[0]);
  expect(stage).toBeDefined();
  return stage!;
}

const version = (text: string): number[] => text.split('.').map(Number);
const atLeast = (have: number[], want: number[]): boolean => {
  const i = have.findIndex((part, n) => part !== want[n]);
  return i === -1 || have[i] > want[i];
};

describe('the container image', () => {
  it('is built in stages, the runtime taking only what the build stage made', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = buildStage();
    expect(build).not.toBe(runtime);
    expect(instructionsOf(runtime, 'COPY').every((args) => args.includes('--from='))).toBe(true);
    const copied = instructionsOf(runtime, 'COPY').map((args) => args.split(/\s+/).at(-2));
    expect(copied).toEqual(expect.arrayContaining(['/app/dist', '/app/node_modules']));
  });

  it('runs on one Node release, one the engines field accepts', () => {
    const releases = stages.map((stage) => /^node:(\d+\.\d+\.\d+)-/.exec(stage.image)?.[1]);
    expect(releases.every((release) => release !== undefined)).toBe(true);
    expect(new Set(releases).size).toBe(1);
    const wanted = /^>=(\d+\.\d+\.\d+)$/.exec(pkg.engines.node);
    expect(wanted).not.toBeNull();
    expect(atLeast(version(releases[0]!), version(wanted![1]))).toBe(true);
  });

  it('builds with the very commands CI runs, then keeps only the production dependencies', () => {
    const npm = instructionsOf(buildStage(), 'RUN').filter((args) => args.startsWith('npm '));
    expect(npm).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run build',
      'npm prune --omit=dev --no-audit --no-fund',
    ]);
    const ci = read('.ci/run')
      .split('\n')
      .map((line) => line.trim());
    expect(ci).toEqual(expect.arrayContaining(npm.slice(0, 2)));
    expect(instructionsOf(runtime, 'RUN').some((args) => /\bnpm\b/.test(args))).toBe(false);
  });

  it('runs in production mode as a user other than root', () => {
    const users = instructionsOf(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].split(':')[0];
    expect(['root', '0']).not.toContain(user);
    expect(instructionsOf(runtime, 'ENV')).toContain('NODE_ENV=production');
  });

  it("checks its health with node on the API's /health, on the port the API listens on", () => {
    const port = SERVER_ENV.PORT.parse(undefined);
    const [healthcheck] = instructionsOf(runtime, 'HEALTHCHECK');
    const command = execForm(healthcheck.slice(healthcheck.indexOf('CMD ') + 4));
    expect(command?.[0]).toBe('node');
    const script = command!.join(' ');
    expect(script).toContain('/health');
    expect(script).toContain(`process.env.PORT||${port}`);
    expect(instructionsOf(runtime, 'EXPOSE')).toEqual([String(port)]);
  });

  it('starts the API by default, with the command of start:api', () => {
    const cmd = instructionsOf(runtime, 'CMD');
    expect(execForm(cmd[cmd.length - 1])).toEqual(startCommand('start:api'));
  });

  it('names the command of start:worker wherever it says how to run the worker', () => {
    const worker = startCommand('start:worker').join(' ');
    expect(dockerfile).toContain(worker);
    expect(read('docs/deployment.md')).toContain(worker);
  });
});

describe('docker-compose.yml', () => {
  const { api, worker, postgres, redis, mailpit } = compose.services;
  const shared = (env: Record<string, string>) =>
    Object.fromEntries(Object.entries(env).filter(([, value]) => !value.startsWith('${')));

  it('runs the API and the worker from the image under the app profile, with the start commands', () => {
    for (const service of [api, worker]) {
      expect(service.profiles).toEqual(['app']);
      expect(service.build).toBe('.');
    }
    expect(worker.image).toBe(api.image);
    expect(api.command).toEqual(startCommand('start:api'));
    expect(worker.command).toEqual(startCommand('start:worker'));
  });

  it('starts the API on a healthy PostgreSQL and Redis, and the worker on a healthy API', () => {
    expect(api.depends_on?.postgres.condition).toBe('service_healthy');
    expect(api.depends_on?.redis.condition).toBe('service_healthy');
    expect(worker.depends_on?.api.condition).toBe('service_healthy');
    // The image's check asks the API's port; the worker has no HTTP listener to ask.
    expect(worker.healthcheck?.disable).toBe(true);
  });

  it('gives both a valid configuration on the compose services, each secret required', () => {
    for (const service of [api, worker]) {
      const env = service.environment!;
      const config = AppConfig.fromEnv(shared(env));
      expect(config.isProduction).toBe(true);
      const secrets = missingSecrets(config);
      expect(secrets.length).toBeGreaterThan(0);
      for (const name of secrets) expect(env[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?.+\\}$`));
      const hosts = [env.DATABASE_URL, env.REDIS_URL, env.SMTP_URL].map((url) => new URL(url));
      expect(hosts.map((url) => url.hostname)).toEqual(['postgres', 'redis', 'mailpit']);
      expect([postgres, redis, mailpit].every(Boolean)).toBe(true);
    }
  });
});
