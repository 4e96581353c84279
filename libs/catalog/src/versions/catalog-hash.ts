import { createHash } from 'node:crypto';

/** The SHA-256 of a matrix's files, by name order: the same files always give the same hash. */
export function catalogHash(files: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    hash.update(name).update('\0').update(files[name]).update('\0');
  }
  return hash.digest('hex');
}
