import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** A secret read from or written to the store, and whether this call made it. */
export interface StoredSecret {
  value: string;
  /** True only for the call that wrote the file: the one time the secret may be shown. */
  created: boolean;
  /** The file it is kept in. */
  path: string;
}

/** Thrown when a kept secret cannot be used; its message names the file and what to do. */
export class SecretStoreError extends Error {
  /** What `exitOnStartupProblem` prints. */
  get startupLines(): string[] {
    return [this.message];
  }
}

/**
 * Secrets the embedded default makes for itself, one file each in a folder only its owner may read
 * (0700, files 0600), so the next start reuses them. A file is written whole under a temporary name
 * and then linked to its name, which fails if it exists: two processes starting at once keep the
 * first one's secret, and nobody ever reads a half-written file.
 */
export class SecretStore {
  constructor(
    /** The folder, e.g. `var/secrets`. */
    readonly dir: string,
    /** The shortest value accepted from a file (the env schema's minimum). */
    private readonly minLength = 32,
  ) {}

  /** The secret kept under `name`, made with `make` and kept if there is none yet. */
  getOrCreate(name: string, make: () => string): StoredSecret {
    const path = join(this.dir, name);
    const kept = this.read(path);
    if (kept !== undefined) return { value: kept, created: false, path };
    this.ensureDir();
    const value = make();
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, `${value}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temporary, path);
      return { value, created: true, path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return { value: this.read(path)!, created: false, path };
    } finally {
      unlinkSync(temporary);
    }
  }

  /** The value in `path`, undefined when there is no such file; tightens loose permissions. */
  private read(path: string): string | undefined {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if ((stats.mode & 0o077) !== 0) chmodSync(path, 0o600);
    const value = readFileSync(path, 'utf8').trim();
    if (value.length < this.minLength) {
      throw new SecretStoreError(
        `${path} holds fewer than ${this.minLength} characters: delete it to have a new one made`,
      );
    }
    return value;
  }

  private ensureDir(): void {
    mkdirSync(dirname(this.dir), { recursive: true });
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if ((statSync(this.dir).mode & 0o077) !== 0) chmodSync(this.dir, 0o700);
  }
}
