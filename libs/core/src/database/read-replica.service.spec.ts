import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ReadReplica, readerOf, REPLICA_RETRY_MS } from './read-replica.service';

/** A stand-in server: its manager names it, and it answers the replay position it is given. */
function server(name: string, replayed: () => boolean | null = () => true) {
  const manager = {
    name,
    query: jest.fn(() => Promise.resolve([{ replayed: replayed() }])),
  } as unknown as EntityManager & { name: string };
  const runner = {
    manager,
    connect: jest.fn(() => Promise.resolve()),
    release: jest.fn(() => Promise.resolve()),
  };
  const source = {
    manager,
    isInitialized: true,
    createQueryRunner: () => runner,
    destroy: jest.fn(() => Promise.resolve()),
    query: jest.fn(() => Promise.resolve([{ lsn: '0/3000060' }])),
  };
  return { manager, runner, source };
}

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });

function replicaOf(
  env: Record<string, string>,
  primary: ReturnType<typeof server>,
  open: () => Promise<unknown>,
) {
  const config = AppConfig.fromEnv({ DATABASE_URL: 'postgres://primary/raci', ...env });
  const replica = new ReadReplica(config, primary.source as unknown as DataSource);
  jest
    .spyOn(replica as unknown as { connect: () => Promise<unknown> }, 'connect')
    .mockImplementation(open);
  return replica;
}

const whichServer = (manager: EntityManager) =>
  Promise.resolve((manager as unknown as { name: string }).name);

describe('ReadReplica', () => {
  const REPLICA = { DATABASE_REPLICA_URL: 'postgres://replica/raci' };
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('reads the primary when no replica is configured, and notes no write', async () => {
    const primary = server('primary');
    const open = jest.fn();
    const replica = replicaOf({}, primary, open);
    expect(await replica.read('ada', whichServer)).toBe('primary');
    await replica.noteWrite('ada');
    expect(primary.source.query).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('reads the replica, opening it once, and releases its connection', async () => {
    const primary = server('primary');
    const standby = server('replica');
    const open = jest.fn(() => Promise.resolve(standby.source));
    const replica = replicaOf(REPLICA, primary, open);
    expect(await replica.read('ada', whichServer)).toBe('replica');
    expect(await replica.read(null, whichServer)).toBe('replica');
    expect(open).toHaveBeenCalledTimes(1);
    expect(standby.runner.release).toHaveBeenCalledTimes(2);
  });

  it("keeps a writer on the primary until the replica has replayed the writer's write", async () => {
    const primary = server('primary');
    let caughtUp = false;
    const standby = server('replica', () => caughtUp);
    const replica = replicaOf(REPLICA, primary, () => Promise.resolve(standby.source));
    await replica.noteWrite('ada');
    expect(await replica.read('ada', whichServer)).toBe('primary');
    expect(standby.manager.query).toHaveBeenCalledWith(
      expect.stringContaining('pg_last_wal_replay_lsn()'),
      ['0/3000060'],
    );
    expect(await replica.read('bob', whichServer)).toBe('replica');
    caughtUp = true;
    expect(await replica.read('ada', whichServer)).toBe('replica');
    // Once seen replayed, the write is forgotten: no more position checks for that caller.
    caughtUp = false;
    expect(await replica.read('ada', whichServer)).toBe('replica');
  });

  it('keeps a writer on the primary when the write position could not be read', async () => {
    const primary = server('primary');
    primary.source.query.mockRejectedValueOnce(refused());
    const standby = server('replica');
    const replica = replicaOf(REPLICA, primary, () => Promise.resolve(standby.source));
    await replica.noteWrite('ada');
    expect(await replica.read('ada', whichServer)).toBe('primary');
  });

  it('falls back to the primary while the replica is unreachable, says so once, and tries again later', async () => {
    const primary = server('primary');
    const standby = server('replica');
    const open = jest.fn().mockRejectedValueOnce(refused()).mockResolvedValue(standby.source);
    const replica = replicaOf(REPLICA, primary, open);
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    expect(await replica.read('ada', whichServer)).toBe('primary');
    expect(await replica.read('ada', whichServer)).toBe('primary');
    expect(open).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/read replica is unreachable \(connect ECONNREFUSED/);

    now.mockReturnValue(1_000_000 + REPLICA_RETRY_MS);
    expect(await replica.read('ada', whichServer)).toBe('replica');
    standby.runner.connect.mockRejectedValueOnce(refused());
    now.mockReturnValue(1_000_000 + 2 * REPLICA_RETRY_MS);
    expect(await replica.read('ada', whichServer)).toBe('primary');
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('answers a read the replica cancels for a recovery conflict from the primary', async () => {
    const primary = server('primary');
    const standby = server('replica');
    const replica = replicaOf(REPLICA, primary, () => Promise.resolve(standby.source));
    const conflict = Object.assign(new Error('canceling statement due to conflict with recovery'), {
      code: '40001',
    });
    const work = jest.fn(async (manager: EntityManager) => {
      const name = await whichServer(manager);
      if (name === 'replica') throw conflict;
      return name;
    });
    expect(await replica.read('ada', work)).toBe('primary');
  });

  it("lets a read's own error through, without trying the primary", async () => {
    const primary = server('primary');
    const standby = server('replica');
    const replica = replicaOf(REPLICA, primary, () => Promise.resolve(standby.source));
    const work = jest.fn(() => Promise.reject(new Error('column r.nope does not exist')));
    await expect(replica.read('ada', work)).rejects.toThrow(/does not exist/);
    expect(work).toHaveBeenCalledTimes(1);
    expect(standby.runner.release).toHaveBeenCalled();
  });

  it('names the reader by person, or by organization for the bootstrap admin', () => {
    expect(readerOf({ userId: 'u-1', organizationId: 'o-1' })).toBe('u-1');
    expect(readerOf({ userId: null, organizationId: 'o-1' })).toBe('organization:o-1');
  });
});
