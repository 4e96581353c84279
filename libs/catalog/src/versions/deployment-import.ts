/** What the stored versions say about the matrix files a start reads. */
export interface StoredHashes {
  /** The hash of the version last imported from the files, if any was. */
  lastDeployment?: string;
  /** The hash of the active version, if any is. */
  active?: string;
}

/**
 * Whether the files read at start become a new version: on the first start (nothing stored), and
 * later only when they changed since the last import. Files equal to the active version (a change
 * approved in the engine, exported and committed) are no change either, and an approved change is
 * never undone by files that merely predate it.
 */
export function importsFiles(hash: string, stored: StoredHashes): boolean {
  if (stored.lastDeployment === undefined && stored.active === undefined) return true;
  return hash !== stored.lastDeployment && hash !== stored.active;
}
