import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_ENTRY } from '../helpers/engine-process';
import { makeSigningKey } from '@app/core';

interface Exit {
  code: number | null;
  stderr: string;
}

/**
/**
 * Outside the embedded default, so that these starts write nothing under the repository's `var/`
 * and never start a Redis of their own: production, with the secrets it requires.
 */
const PRODUCTION = {
  NODE_ENV: 'production',
  ADMIN_TOKEN: 'startup-admin-token-0123456789abcdef0123',
  LINK_SECRET: 'startup-link-secret-0123456789abcdef0123',
  SECRETS_KEY: '5ec2e75' + '0'.repeat(57),
  AUDIT_SIGNING_KEY: makeSigningKey(),
  AUDIT_KEY: 'startup-audit-key-0123456789abcdef01234',
};

/**
 * Starts the built API (the e2e scripts build first) with `env` and returns how it ended. Built,
 * not compiled on the fly: a start must end in a second or two however busy the machine is.
 */
function start(env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENGINE_ENTRY.api], {
      env: { PATH: process.env.PATH ?? '', ...PRODUCTION, LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A start that hangs instead of exiting fails the test.
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    });
  });
}

describe('start-up checks', () => {
  jest.setTimeout(90_000);

  it('stops with one clear line when Redis is unreachable', async () => {
    const { code, stderr } = await start({
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_CONNECT_TIMEOUT_S: '2',
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^raci-engine: Redis is not reachable at redis:\/\/127\.0\.0\.1:1 .*redis-server/,
    );
  });

  it('names the variable when a setting is wrong', async () => {
    const { code, stderr } = await start({ PORT: 'eighty', SMTP_URL: 'http://mail' });
    expect(code).toBe(1);
    expect(stderr).toContain('raci-engine: config: PORT');
    expect(stderr).toContain(
      'raci-engine: config: SMTP_URL must be a URL starting with smtp:// or smtps://',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an invalid matrix, naming file, line and action', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raci-bad-'));
    try {
      writeFileSync(
        join(dir, 'generic.yaml'),
        'product: generic\ntitle: Generic\nactions:\n  - key: generic.thing\n    title: Thing\n    plans: ["*"]\n' +
          '    raci: { provider: "A / R", customer: "A" }\n    requestable: false\n    performer: { default: provider }\n',
      );
      const { code, stderr } = await start({ RACI_DIR: dir });
      expect(code).toBe(1);
      expect(stderr).toContain('raci-engine: the RACI catalog is invalid (1 problem(s)):');
      expect(stderr).toContain(
        `raci-engine: ${join(dir, 'generic.yaml')}:7: action generic.thing: exactly one Accountable party is required, found 2`,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
