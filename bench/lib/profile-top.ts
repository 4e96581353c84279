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
 * The functions a `--cpu-prof` profile spent most of its own time in, merged by name and place
 * (or by what `name` makes of a node), counting only the samples taken from `fromMs` to `toMs`
 * after the profile started (the load, not the boot), with the idle and program entries left in so
 * the shares add up to the whole window.
 */
export function profileTop(
  path: string,
  fromMs = 0,
  count = 12,
  name: (node: ProfileNode) => string = nameOf,
  toMs = Infinity,
): ProfileEntry[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const names = new Map(profile.nodes.map((node) => [node.id, name(node)]));
  const self = new Map<string, number>();
  let atUs = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    atUs += profile.timeDeltas[index] ?? 0;
    if (atUs < fromMs * 1000 || atUs > toMs * 1000) return;
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

/**
 * The same samples summed by where the code comes from: a package (`typeorm`, `@nestjs/core`),
 * the engine's own code by lib (`engine libs/requests`), Node's internals by module (`node
 * streams`), or a native or V8 entry (`writev`, `(garbage collector)`, `(idle)`).
 */
export function profileByOrigin(
  path: string,
  fromMs = 0,
  count = 15,
  toMs = Infinity,
): ProfileEntry[] {
  return profileTop(path, fromMs, count, originOf, toMs);
}

function originOf({ callFrame }: ProfileNode): string {
  const { url, functionName } = callFrame;
  if (!url) return functionName || '(anonymous)';
  if (url.startsWith('node:')) {
    const parts = url.slice('node:'.length).split('/');
    return `node ${parts[0] === 'internal' ? parts[1] : parts[0]}`;
  }
  const file = url.replace(/^file:\/\//, '');
  if (file.includes('node_modules/')) {
    const [scope, name] = file.slice(file.lastIndexOf('node_modules/') + 13).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const own = /\/(?:dist\/)?((?:apps|libs)\/[^/]+)\//.exec(file);
  return own ? `engine ${own[1]}` : relative(process.cwd(), file);
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
