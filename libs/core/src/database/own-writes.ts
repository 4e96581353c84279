/** A caller's last write: the primary's WAL position just after it, if it could be read. */
export interface OwnWrite {
  lsn: string | null;
  at: number;
}

/**
 * The callers of this process who wrote recently, so their reads can wait for the replica to have
 * replayed what they wrote. In memory, oldest first (a Map keeps insertion order), each entry kept
 * at most `windowMs`: a caller who writes and never reads again costs nothing for long.
 */
export class OwnWrites {
  private readonly writes = new Map<string, OwnWrite>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  note(reader: string, lsn: string | null): void {
    this.prune();
    this.writes.delete(reader);
    this.writes.set(reader, { lsn, at: this.now() });
  }

  /** The caller's last write, while it is within the window. */
  pending(reader: string): OwnWrite | undefined {
    const write = this.writes.get(reader);
    if (write && this.expired(write)) {
      this.writes.delete(reader);
      return undefined;
    }
    return write;
  }

  /** The replica has replayed `write`: forgotten, unless the caller wrote again since. */
  replayed(reader: string, write: OwnWrite): void {
    if (this.writes.get(reader) === write) this.writes.delete(reader);
  }

  get size(): number {
    return this.writes.size;
  }

  private prune(): void {
    for (const [reader, write] of this.writes) {
      if (!this.expired(write)) return;
      this.writes.delete(reader);
    }
  }

  private expired(write: OwnWrite): boolean {
    return this.now() - write.at >= this.windowMs;
  }
}
