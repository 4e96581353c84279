import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { round } from './percentiles';

/** CPU milliseconds spent by each part of a run, from Linux's per-process counters. */
export type CpuParts = Record<'api' | 'worker' | 'postgres' | 'redis' | 'bench', number>;

export interface CpuUse {
  /** CPU milliseconds per unit of work (a lifecycle, say), by part. */
  per_unit_ms: CpuParts & { total: number };
  /** CPU time spent over the wall time the cores offered: 1 is every core busy throughout. */
  busy_share: number;
}

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** User and system time of a process, in ms; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** Every process whose command is `name`, by pid, with its CPU ms so far. */
function byCommand(name: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) {
        found.set(Number(entry), processCpuMs(Number(entry)));
      }
    } catch {
      // The process ended while listed.
    }
  }
  return found;
}

/** What grew between two readings of the same processes; new ones count from 0. */
function grown(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/**
 * Starts measuring the CPU the engine's processes, PostgreSQL (every `postgres` process: the
 * machine is quiet, and a backend that exits meanwhile is missed), Redis and the bench process
 * itself (load generator and SMTP listener) spend from now; `stop` divides it by the work done.
 */
export function startCpuMeter(pids: { api: number; worker: number }) {
  const startedAt = performance.now();
  const engine = { api: processCpuMs(pids.api), worker: processCpuMs(pids.worker) };
  const postgres = byCommand('postgres');
  const redis = byCommand('redis-server');
  const bench = process.cpuUsage();
  return (units: number): CpuUse => {
    const own = process.cpuUsage(bench);
    const parts: CpuParts = {
      api: processCpuMs(pids.api) - engine.api,
      worker: processCpuMs(pids.worker) - engine.worker,
      postgres: grown(postgres, byCommand('postgres')),
      redis: grown(redis, byCommand('redis-server')),
      bench: (own.user + own.system) / 1000,
    };
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    const per = (ms: number) => round(ms / Math.max(1, units), 1);
    return {
      per_unit_ms: {
        ...(Object.fromEntries(Object.entries(parts).map(([k, ms]) => [k, per(ms)])) as CpuParts),
        total: per(total),
      },
      busy_share: round(total / ((performance.now() - startedAt) * cpus().length), 2),
    };
  };
}

/** How long ago the process started, in ms (Linux: its start time in ticks since boot). */
export function processAgeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const uptimeS = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return uptimeS * 1000 - (startTicks * 1000) / TICKS_PER_S;
}
