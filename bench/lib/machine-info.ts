import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';

/** What the numbers were measured on: they only compare within one machine and one run. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memory_gb: number;
  os: string;
  versions: Record<string, string>;
}

export function machineInfo(): MachineInfo {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    versions: {
      node: process.versions.node,
      postgresql: versionOf('psql', ['--version']),
      redis: versionOf('redis-server', ['--version']),
      nestjs: packageVersion('@nestjs/core'),
      typeorm: packageVersion('typeorm'),
      bullmq: packageVersion('bullmq'),
      nodemailer: packageVersion('nodemailer'),
      autocannon: packageVersion('autocannon'),
    },
  };
}

function versionOf(command: string, args: string[]): string {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', timeout: 5_000 });
    return /\d+\.\d+(\.\d+)?/.exec(out)?.[0] ?? out.trim();
  } catch {
    return 'unknown';
  }
}

function packageVersion(name: string): string {
  try {
    const path = require.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
