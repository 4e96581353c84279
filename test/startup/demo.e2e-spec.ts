import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEmbedded, FreshEngine } from '../helpers/embedded-engine';
import { EngineProcess } from '../helpers/engine-process';

const ROOT = join(__dirname, '..', '..');
const ROLES = ['requester', 'approver', 'operator', 'consultant', 'admin'];
const SIDES = ['provider', 'customer'];

interface Whoami {
  email: string;
  roles: string[];
  organization: { id: string; kind: string };
}

/** package.json's demo script (`node dist/...`) with its file made absolute, run in `cwd`. */
function runDemo(
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, file, ...rest] = scripts.demo.split(/\s+/);
  if (node !== 'node' || rest.length > 0)
    throw new Error(`unexpected demo script: ${scripts.demo}`);
  const script = join(ROOT, file);
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script],
      { cwd, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The `export NAME=value` lines of a demo's output. */
function exportsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^export ([A-Z_]+)=(\S+)/gm)].map(([, name, value]) => [name, value]),
  );
}

/**
 * `npm run demo` against an engine started as on a fresh clone: it finds the admin token the engine
 * keeps under `var/`, makes a customer and one user per role on both sides, and prints tokens that
 * work; a second run reuses what the first made.
 */
describeEmbedded('npm run demo', () => {
  jest.setTimeout(120_000);
  let fresh: FreshEngine;
  let dir: string;
  let engine: EngineProcess;

  const me = async (token: string) => {
    const { status, body } = await engine.call('GET', '/v1/me', token);
    return { status, body: body as Whoami };
  };

  beforeAll(async () => {
    fresh = await FreshEngine.start('demo');
    ({ dir, engine } = fresh);
  }, 60_000);
  afterAll(() => fresh?.close());

  it('makes every role on both sides and prints tokens that authenticate as them', async () => {
    const run = await runDemo(dir, { RACI_URL: engine.url });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // Every line is an export or a comment, so `eval "$(npm run --silent demo)"` takes it whole.
    expect(
      run.stdout
        .trim()
        .split('\n')
        .every((l) => /^(export [A-Z_]+=|#)/.test(l)),
    ).toBe(true);
    expect(run.stdout).toMatch(/^# +eval "\$\(npm run --silent demo\)"$/m);
    const vars = exportsOf(run.stdout);
    expect(vars.RACI_URL).toBe(engine.url);

    for (const side of SIDES) {
      for (const role of ROLES) {
        const { status, body } = await me(
          vars[`${side.toUpperCase()}_${role.toUpperCase()}_TOKEN`],
        );
        expect({ side, role, status }).toEqual({ side, role, status: 200 });
        expect(body.roles).toEqual([role]);
        expect(body.organization.kind).toBe(side);
        expect(body.organization.id).toBe(
          side === 'provider' ? vars.PROVIDER_ID : vars.CUSTOMER_ID,
        );
      }
    }
  });

  it('run again, reuses the organization and the users and says so; old and new tokens work', async () => {
    const first = exportsOf((await runDemo(dir, { RACI_URL: engine.url })).stdout);
    const again = await runDemo(dir, { RACI_URL: engine.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already there: each signed in again for a new token');
    expect(again.stdout).toContain('# Globex already existed: reused.');
    const second = exportsOf(again.stdout);
    expect(second.CUSTOMER_ID).toBe(first.CUSTOMER_ID);
    expect(second.CUSTOMER_REQUESTER_TOKEN).not.toBe(first.CUSTOMER_REQUESTER_TOKEN);
    for (const token of [first.CUSTOMER_REQUESTER_TOKEN, second.CUSTOMER_REQUESTER_TOKEN]) {
      expect((await me(token)).body.email).toBe('ada@globex.example');
    }
    const organizations = await fetch(`${engine.url}/v1/organizations`, {
      headers: { authorization: `Bearer ${first.CUSTOMER_ADMIN_TOKEN}` },
    });
    expect(((await organizations.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('says what is wrong, in one line, without an admin token or an engine', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'raci-demo-none-'));
    try {
      const noToken = await runDemo(elsewhere, { RACI_URL: engine.url });
      expect(noToken.code).toBe(1);
      expect(noToken.stderr).toMatch(/^raci-engine demo: no admin token: set ADMIN_TOKEN, or run/);
      const noEngine = await runDemo(dir, { RACI_URL: 'http://127.0.0.1:9' });
      expect(noEngine.code).toBe(1);
      expect(noEngine.stderr).toMatch(
        /^raci-engine demo: no engine answers at http:\/\/127\.0\.0\.1:9 .*npm start/,
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
