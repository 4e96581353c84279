import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileByOrigin, profileTop } from './profile-top';

const frame = (id: number, functionName: string, url: string) => ({
  id,
  callFrame: { functionName, url, lineNumber: 9 },
});

/** A profile of five nodes, sampled 10 times 1 ms apart: 4 × typeorm, 3 × engine, 2 × node, 1 idle. */
function profileFile(): string {
  const nodes = [
    frame(1, 'query', 'file:///app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js'),
    frame(2, 'apply', '/app/dist/libs/requests/src/domain/request-transitioner.js'),
    frame(3, 'pipelineImpl', 'node:internal/streams/pipeline'),
    frame(4, '(idle)', ''),
    frame(5, 'emit', 'node:events'),
  ];
  const samples = [1, 1, 2, 1, 2, 3, 1, 2, 5, 4];
  const path = join(mkdtempSync(join(tmpdir(), 'profile-')), 'CPU.cpuprofile');
  writeFileSync(path, JSON.stringify({ nodes, samples, timeDeltas: samples.map(() => 1000) }));
  return path;
}

describe('profile top', () => {
  it('sums self time by function, largest first, in shares of the window', () => {
    const top = profileTop(profileFile());
    expect(top[0]).toEqual({
      selfPercent: 40,
      name: 'query typeorm/driver/postgres/PostgresQueryRunner.js:10',
    });
    expect(top.map((entry) => entry.selfPercent)).toEqual([40, 30, 10, 10, 10]);
  });

  it('sums it by origin: a package, an engine lib, a Node module, a native entry', () => {
    expect(profileByOrigin(profileFile())).toEqual([
      { selfPercent: 40, name: 'typeorm' },
      { selfPercent: 30, name: 'engine libs/requests' },
      { selfPercent: 10, name: 'node streams' },
      { selfPercent: 10, name: 'node events' },
      { selfPercent: 10, name: '(idle)' },
    ]);
  });

  it('counts only the samples of the window asked for', () => {
    // Samples at 1 ms to 10 ms: from 4 ms to 6 ms are the 4th, 5th and 6th (typeorm, engine, node).
    expect(profileByOrigin(profileFile(), 4, 15, 6).map((entry) => entry.name)).toEqual([
      'typeorm',
      'engine libs/requests',
      'node streams',
    ]);
  });
});
