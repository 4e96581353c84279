import { Repository } from 'typeorm';
import { AppConfig, JobName } from '@app/core';
import { AdminLogReader } from './admin-log.reader';
import { HistoryLogReader } from './history-log.reader';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { CheckpointKeys } from './checkpoint-keys';
import { LogHead } from './checkpoint-log';
import { checkpointStatement } from './checkpoint-statement';
import { CheckpointWriter } from './checkpoint-writer.service';

const ORG = '0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10';

/** The checkpoints table: unique on (organization, log, seq), as the index makes it. */
class FakeCheckpoints {
  rows: AuditCheckpoint[] = [];
  createQueryBuilder() {
    let row: AuditCheckpoint;
    const builder = {
      insert: () => builder,
      values: (values: AuditCheckpoint) => ((row = values), builder),
      orIgnore: () => builder,
      execute: () => {
        const taken = this.rows.some(
          (r) => r.organizationId === row.organizationId && r.log === row.log && r.seq === row.seq,
        );
        if (!taken) this.rows.push(row);
        return Promise.resolve();
      },
    };
    return builder;
  }
  findOne({ where }: { where: Partial<AuditCheckpoint> }) {
    return Promise.resolve(
      this.rows.find(
        (r) =>
          r.organizationId === where.organizationId && r.log === where.log && r.seq === where.seq,
      ) ?? null,
    );
  }
  find() {
    return Promise.resolve(this.rows.filter((r) => r.publishedAt === null));
  }
}

describe('CheckpointWriter', () => {
  const keys = new CheckpointKeys(AppConfig.fromEnv({}));
  let heads: LogHead[];
  let table: FakeCheckpoints;
  let writer: CheckpointWriter;
  const at = new Date('2026-11-30T09:00:00.000Z');

  beforeEach(() => {
    heads = [{ organizationId: ORG, seq: 7, root: 'ab'.repeat(32) }];
    table = new FakeCheckpoints();
    const reader = { log: 'admin', movedHeads: () => Promise.resolve(heads) } as AdminLogReader;
    const history = {
      log: 'history',
      movedHeads: () => Promise.resolve([]),
    } as unknown as HistoryLogReader;
    const checkpoints = table as unknown as Repository<AuditCheckpoint>;
    writer = new CheckpointWriter(checkpoints, keys, history, reader);
  });

  it('signs each moved head with the current key, over the canonical statement', async () => {
    expect(await writer.signMoved(at)).toBe(1);
    const [row] = table.rows;
    expect(row).toMatchObject({ organizationId: ORG, log: 'admin', seq: 7, signedAt: at });
    expect(row.keyId).toBe(keys.currentKeyId);
    expect(keys.check(checkpointStatement(row), row.keyId, row.signature)).toBe('valid');
  });

  it('keeps one checkpoint of a head signed twice (a rerun, another worker), and counts it once', async () => {
    expect(await writer.signMoved(at)).toBe(1);
    expect(await writer.signMoved(new Date(at.getTime() + 1_000))).toBe(0);
    expect(table.rows).toHaveLength(1);
  });

  it('hands each unpublished checkpoint to webhook dispatch, under its own id', async () => {
    await writer.signMoved(at);
    const { ids, jobs } = await writer.unpublished();
    expect(ids).toEqual([table.rows[0].id]);
    expect(jobs).toEqual([
      {
        name: JobName.DispatchWebhooks,
        data: {
          event: expect.objectContaining({
            id: table.rows[0].id,
            type: 'audit.checkpoint',
            organizationId: ORG,
            checkpoint: expect.objectContaining({ seq: 7, signature: table.rows[0].signature }),
          }),
        },
      },
    ]);
  });
});
