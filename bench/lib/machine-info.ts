import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';

/** What the numbers were measured on: they only compare within one machine and one run. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memory_gb: number;
  os: string;
  /** 1, 5 and 15-minute load averages when the run ended: how much else shared the CPU. */
  load_average: number[];
  versions: Record<string, string>;
}

export function machineInfo(): MachineInfo {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    load_average: loadavg().map((load) => Math.round(load * 100) / 100),
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
    // Read from node_modules: some packages' exports hide their package.json from require.
    const path = join(process.cwd(), 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
