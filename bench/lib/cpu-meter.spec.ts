import { processCpuMs, startCpuMeter } from './cpu-meter';

/** Spends `ms` milliseconds of CPU, however long a busy machine takes to give them. */
function burn(ms: number): void {
  const start = process.cpuUsage();
  const spent = () => {
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
  while (spent() < ms) Math.sqrt(Math.random());
}

describe('CPU meter', () => {
  it("reads a process's CPU time from Linux, and 0 for a process that is gone", () => {
    const before = processCpuMs(process.pid);
    burn(150);
    expect(processCpuMs(process.pid)).toBeGreaterThan(before);
    expect(processCpuMs(2 ** 22 + 1)).toBe(0);
  });

  it('divides what each part spent by the units of work, and sums the parts', () => {
    const stop = startCpuMeter({ api: process.pid, worker: 2 ** 22 + 1 });
    burn(200);
    const use = stop(2);
    expect(use.per_unit_ms.bench).toBeGreaterThan(50);
    // This process is both the bench and the "API" here: both saw the burn.
    expect(use.per_unit_ms.api).toBeGreaterThan(50);
    expect(use.per_unit_ms.worker).toBe(0);
    const { total, ...parts } = use.per_unit_ms;
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(sum, 0);
    expect(use.busy_share).toBeGreaterThan(0);
  });
});
