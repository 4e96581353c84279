import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { freePort } from '../helpers/throwaway-redis';
import { deleteRedisKeys, SHARED_REDIS_URL } from '../helpers/redis-keys';
import { E2E_DRIVER } from '../helpers/test-database';
import { waitFor } from '../helpers/wait-for';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The README section this test runs; its heading must not change without this constant. */
const WALKTHROUGH_HEADING = '## Five-minute walk-through';

/** The lines of the README's `##` section under `heading`, up to the next `##` heading. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" section`);
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The contents of the fenced blocks of `language` in `markdown`, in order. */
function fencedBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp('^```' + language + '[ \\t]*\\n([\\s\\S]*?)^```[ \\t]*$', 'gm');
  return [...markdown.matchAll(fence)].map((match) => match[1]);
}

/**
 * Runs the README's walk-through as a newcomer would paste it: every ```sh block of its section, in
 * order, in one bash with `set -euo pipefail`, from an empty folder (so `var/` is new: a fresh
 * SQLite file and mail folder), against the engine the blocks themselves start.
 *
 * Only two things differ from a reader's machine, both through the environment:
 * - `RACI_URL`, which the README defines only when unset, points at a free port, so the test never
 *   meets an engine already running on 3000;
 * - `npm` on the PATH is a stand-in that knows two commands: `npm start`, which runs what
 *   package.json's start script runs (the built engine, API and worker in one process) on that
 *   port, with a Redis key prefix of its own, and `npm run demo`, which runs its demo script. The
 *   build itself is done before the test: the e2e scripts run `npm run build` first.
 *
 * The engine runs as on a fresh clone otherwise (no ADMIN_TOKEN, no LINK_SECRET, no DATABASE_URL):
 * it makes its admin token, which `npm run demo` finds under `var/`.
 *
 * Any command of the walk-through that fails (a wrong route, body, role or field name) fails the
 * test; so does a request that does not end `completed` or a message the worker did not write.
 */
const describeOnce = E2E_DRIVER === 'postgres' ? describe : describe.skip;

describeOnce('the README walk-through', () => {
  // The walk-through uses the engine's own defaults (an SQLite file), whatever E2E_DRIVER says,
  // so it runs in one pass of the e2e suite only: the default (PostgreSQL) one.
  jest.setTimeout(180_000);

  let dir: string;
  let port: number;
  const prefix = `raci-readme-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raci-readme-'));
    port = await freePort();
  });

  afterAll(async () => {
    await stopEngine(join(dir, 'engine.pid'));
    await deleteRedisKeys(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens with the start and test commands, which CI reads', () => {
    const [first] = fencedBlocks(README, 'sh');
    const commands = first.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(expect.arrayContaining(['npm ci && npm start', 'npm test']));
  });

  it('runs as written and ends with the request completed and its mail written', async () => {
    const blocks = fencedBlocks(section(README, WALKTHROUGH_HEADING), 'sh');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const shim = npmStandIn(dir, port, prefix);
    const run = await bash(['set -euo pipefail', ...blocks].join('\n'), {
      cwd: join(dir, 'home'),
      env: {
        PATH: `${shim}:${process.env.PATH ?? ''}`,
        HOME: join(dir, 'home'),
        LANG: 'C.UTF-8',
        RACI_URL: `http://127.0.0.1:${port}`,
      },
      timeoutMs: 150_000,
    });
    const engineLog = join(dir, 'home', 'raci-engine.log');
    if (run.code !== 0) {
      throw new Error(
        [
          `the walk-through ended with ${run.code ?? run.signal}; its output:`,
          run.output,
          '--- the end of raci-engine.log:',
          existsSync(engineLog) ? readFileSync(engineLog, 'utf8').slice(-6000) : '(none)',
        ].join('\n'),
      );
    }

    await stopEngine(join(dir, 'engine.pid'));
    const db = await new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'home', 'var', 'raci-engine.sqlite'),
      readonly: true,
    }).initialize();
    try {
      expect(await db.query('SELECT action, state FROM requests')).toEqual([
        { action: 'mariadb.add-read-only-replica', state: 'completed' },
      ]);
      const deliveries: { status: string; n: number }[] = await db.query(
        'SELECT status, COUNT(*) AS n FROM notification_deliveries GROUP BY status',
      );
      // Sign-in links are mail of their own, never recorded as deliveries: one per demo person.
      const eml = readdirSync(join(dir, 'home', 'var', 'mail')).filter((f) => f.endsWith('.eml'));
      const mail = eml.filter((f) => !f.includes('_sign-in_'));
      expect(eml.length - mail.length).toBe(10);
      expect(deliveries).toEqual([{ status: 'sent', n: mail.length }]);
    } finally {
      await db.destroy();
    }
    const token = readFileSync(join(dir, 'home', 'var', 'secrets', 'admin-token'), 'utf8').trim();
    const shown = readFileSync(engineLog, 'utf8')
      .split('\n')
      .filter((line) => line.includes(token));
    expect(shown).toEqual([expect.stringMatching(/^raci-engine: ADMIN_TOKEN .*shown this once/)]);
    expect(run.output).not.toContain(token);
    expect(run.output).toMatch(/^completed$/m);
    expect(run.output).toMatch(/^Subject: Request completed: Add a MariaDB read-only Replica/m);
  });
});

/**
 * Writes the `npm` the walk-through finds on its PATH, in `dir/bin`, and returns that folder. It knows
 * two commands: `npm start` becomes package.json's start script (without its prestart build), and
 * `npm run [--silent] demo` its demo script, their `node` and `dist/` made absolute because the
 * walk-through runs in a folder of its own.
 */
function npmStandIn(dir: string, port: number, prefix: string): string {
  const start = scriptCommand('start');
  const demo = scriptCommand('demo');
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(dir, 'home'), { recursive: true });
  writeFileSync(
    join(bin, 'npm'),
    [
      '#!/bin/sh',
      '# Stand-in for npm in the README walk-through test: only `npm start` and `npm run demo`.',
      'case "$*" in',
      '  start)',
      `    echo $$ > ${quote(join(dir, 'engine.pid'))}`,
      `    export PORT=${port} HOST=127.0.0.1 QUEUE_PREFIX=${quote(prefix)}`,
      `    export REDIS_URL=${quote(SHARED_REDIS_URL)} RACI_DIR=${quote(join(ROOT, 'config/raci'))}`,
      `    exec ${start}`,
      '    ;;',
      `  'run demo' | 'run --silent demo') exec ${demo} ;;`,
      '  *) echo "npm $*: the walk-through test only knows npm start and npm run demo" >&2; exit 1 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'npm'), 0o755);
  return bin;
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** package.json's script `name` (a `node ...` command) as a shell command with absolute paths. */
function scriptCommand(name: string): string {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = scripts[name].split(/\s+/);
  if (words[0] !== 'node') throw new Error(`unexpected ${name} script: ${scripts[name]}`);
  const command = [
    process.execPath,
    ...words.slice(1).map((arg) => (arg.startsWith('dist/') ? join(ROOT, arg) : arg)),
  ];
  for (const file of command.slice(1).filter((arg) => arg.endsWith('.js'))) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  return command.map(quote).join(' ');
}

interface BashRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs `script` with bash; stdout and stderr interleaved, as a terminal shows them. */
function bash(
  script: string,
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<BashRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    // 'exit', not 'close': a process the script left running may still hold its output open.
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      setTimeout(() => resolve({ code, signal, output }), 100);
    });
  });
}

/** Stops the engine `npm start` left running (its pid is in `pidFile`): SIGTERM, then SIGKILL. */
async function stopEngine(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  // Read once: a later call must not signal whatever process has since taken the same id.
  rmSync(pidFile);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitFor(() => !alive(), 'the engine to stop', { timeoutMs: 15_000, intervalMs: 100 });
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}
