import { createHash } from 'node:crypto';
import { AppConfig } from '@app/core';
import { GENESIS_HASH } from '../audit-chain';
import { AdminLogReader } from './admin-log.reader';
import { HistoryLogReader } from './history-log.reader';
import { CheckpointKeys } from './checkpoint-keys';
import { LogLink } from './checkpoint-log';
import { checkpointStatement } from './checkpoint-statement';
import { CheckpointBreak, CheckpointClaim, CheckpointVerifier } from './checkpoint-verifier';

const ORG = '0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10';
const hashOf = (seq: number) => createHash('sha256').update(`entry ${seq}`).digest('hex');

/** A log of `n` linked, intact entries. */
function logOf(n: number): LogLink[] {
  return Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    prevHash: i === 0 ? GENESIS_HASH : hashOf(i),
    hash: hashOf(i + 1),
    intact: true,
  }));
}

describe('CheckpointVerifier', () => {
  const keys = new CheckpointKeys(AppConfig.fromEnv({}));
  let log: LogLink[];
  const reader = {
    log: 'admin',
    links: (_org: string, after: number, upTo: number, limit: number) =>
      Promise.resolve(log.filter((l) => l.seq > after && l.seq <= upTo).slice(0, limit)),
  } as unknown as AdminLogReader;
  const unused = {} as HistoryLogReader;
  const verifier = new CheckpointVerifier(keys, unused, reader);

  /** A checkpoint of the log's entry `seq`, signed by the engine's key. */
  const sealed = (seq: number): CheckpointClaim => {
    const facts = {
      organizationId: ORG,
      log: 'admin' as const,
      seq,
      root: hashOf(seq),
      signedAt: new Date('2026-11-30T09:00:00.000Z'),
    };
    const { keyId, signature } = keys.sign(checkpointStatement(facts));
    return { ...facts, signedAt: facts.signedAt.toISOString(), keyId, signature };
  };

  beforeEach(() => (log = logOf(5)));

  it('passes a log that holds everything up to the checkpoint, grown or not', async () => {
    const checkpoint = sealed(4);
    expect(await verifier.verify(checkpoint)).toEqual({ ok: true, checked: 4 });
    log = logOf(9);
    expect(await verifier.verify(checkpoint)).toEqual({ ok: true, checked: 4 });
  });

  it('names an entry deleted from the middle, and the last ones deleted', async () => {
    const checkpoint = sealed(4);
    log.splice(1, 1);
    expect(await verifier.verify(checkpoint)).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { kind: CheckpointBreak.DeletedBeforeCheckpoint, seq: 2 },
    });
    log = logOf(2);
    expect(await verifier.verify(checkpoint)).toEqual({
      ok: false,
      checked: 2,
      firstBroken: {
        kind: CheckpointBreak.DeletedBeforeCheckpoint,
        seq: 3,
        problem: 'entries 3 to 4 are missing: the log ends at 2',
      },
    });
  });

  it('names a broken link, an edited entry, and an entry that is not the sealed one', async () => {
    const checkpoint = sealed(4);
    log[2] = { ...log[2], prevHash: 'f'.repeat(64) };
    expect((await verifier.verify(checkpoint)).firstBroken).toMatchObject({
      kind: CheckpointBreak.LogLinkBroken,
      seq: 3,
    });
    log = logOf(5);
    log[0] = { ...log[0], intact: false };
    expect((await verifier.verify(checkpoint)).firstBroken).toMatchObject({
      kind: CheckpointBreak.EntryAltered,
      seq: 1,
    });
    log = logOf(5);
    log[3] = { ...log[3], hash: 'e'.repeat(64) };
    log[4] = { ...log[4], prevHash: 'e'.repeat(64) };
    expect((await verifier.verify(checkpoint)).firstBroken).toMatchObject({
      kind: CheckpointBreak.RootMismatch,
      seq: 4,
    });
  });

  it('refuses a checkpoint whose fields or signature were changed, or whose key is unknown', async () => {
    const checkpoint = sealed(4);
    await expect(verifier.verify({ ...checkpoint, seq: 3 })).rejects.toMatchObject({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
    });
    await expect(
      verifier.verify({ ...checkpoint, signedAt: '2026-11-30T09:00:00.001Z' }),
    ).rejects.toMatchObject({ code: 'CHECKPOINT_SIGNATURE_INVALID' });
    await expect(verifier.verify({ ...checkpoint, keyId: 'unknown' })).rejects.toMatchObject({
      code: 'CHECKPOINT_KEY_UNKNOWN',
    });
  });
});
