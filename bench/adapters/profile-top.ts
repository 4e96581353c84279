import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds from each sample to the one before (the first: from the profile's start). */
  timeDeltas: number[];
}

/** One line of a profile's top: a function and its share of the samples spent in itself. */
export interface ProfileEntry {
  selfPercent: number;
  name: string;
}

/**
 * The functions a `--cpu-prof` profile spent most of its own time in, merged by name and place,
 * counting only the samples taken `fromMs` after the profile started (the load, not the boot),
 * with the idle and program entries left in so the shares add up to the whole window.
 */
export function profileTop(path: string, fromMs = 0, count = 12): ProfileEntry[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const names = new Map(profile.nodes.map((node) => [node.id, nameOf(node)]));
  const self = new Map<string, number>();
  let atUs = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    atUs += profile.timeDeltas[index] ?? 0;
    if (atUs < fromMs * 1000) return;
    const name = names.get(id) ?? '(unknown)';
    self.set(name, (self.get(name) ?? 0) + 1);
    total += 1;
  });
  total ||= 1;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, samples]) => ({ selfPercent: Math.round((1000 * samples) / total) / 10, name }));
}

function nameOf({ callFrame }: ProfileNode): string {
  const fn = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return fn;
  const file = callFrame.url.replace(/^file:\/\//, '');
  const place = file.includes('node_modules/')
    ? file.slice(file.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : file.startsWith('node:')
      ? file
      : relative(process.cwd(), file);
  return `${fn} ${place}:${callFrame.lineNumber + 1}`;
}
