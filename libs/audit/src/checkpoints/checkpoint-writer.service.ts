import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { asRow, type CheckpointLog, JobItem, JobName } from '@app/core';
import { AdminLogReader } from './admin-log.reader';
import { HistoryLogReader } from './history-log.reader';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { checkpointEvent } from './checkpoint-export';
import { CheckpointKeys } from './checkpoint-keys';
import { CheckpointLogReader, LogHead } from './checkpoint-log';
import { checkpointStatement } from './checkpoint-statement';

/** Checkpoints whose push is queued at once; the rest wait for the next run. */
const PUBLISH_BATCH = 500;

/**
 * Signs the checkpoints of the audit logs, and hands each new one to the webhooks. Safe to run
 * again and on several workers at once: a head gets one checkpoint (a unique index), and a
 * checkpoint stays unpublished until its dispatch job is queued.
 */
@Injectable()
export class CheckpointWriter {
  private readonly readers: CheckpointLogReader[];

  constructor(
    @InjectRepository(AuditCheckpoint) private readonly checkpoints: Repository<AuditCheckpoint>,
    private readonly keys: CheckpointKeys,
    history: HistoryLogReader,
    admin: AdminLogReader,
  ) {
    this.readers = [history, admin];
  }

  /** Signs a checkpoint of every log whose head moved since its last; answers how many it signed. */
  async signMoved(at: Date): Promise<number> {
    let signed = 0;
    for (const reader of this.readers) {
      for (const head of await reader.movedHeads()) {
        if (await this.sign(reader.log, head, at)) signed += 1;
      }
    }
    return signed;
  }

  /** The checkpoints whose push to webhooks is still to be queued, and their dispatch jobs. */
  async unpublished(): Promise<{ ids: string[]; jobs: JobItem[] }> {
    const rows = await this.checkpoints.find({
      where: { publishedAt: IsNull() },
      order: { signedAt: 'ASC', id: 'ASC' },
      take: PUBLISH_BATCH,
    });
    return {
      ids: rows.map((row) => row.id),
      jobs: rows.map((row) => ({
        name: JobName.DispatchWebhooks,
        data: { event: checkpointEvent(row) },
      })),
    };
  }

  /** Records that the dispatch jobs of these checkpoints are queued. */
  async markPublished(ids: string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.checkpoints.update({ id: In(ids) }, { publishedAt: at });
  }

  /** Signs `head`; false when a checkpoint of it already exists (another worker, a rerun). */
  private async sign(log: CheckpointLog, head: LogHead, signedAt: Date): Promise<boolean> {
    const facts = { ...head, log, signedAt };
    const { keyId, signature } = this.keys.sign(checkpointStatement(facts));
    const id = randomUUID();
    const row = asRow<AuditCheckpoint>({ id, ...facts, keyId, signature, publishedAt: null });
    await this.checkpoints.createQueryBuilder().insert().values(row).orIgnore().execute();
    const kept = await this.checkpoints.findOne({
      select: { id: true },
      where: { organizationId: head.organizationId, log, seq: head.seq },
    });
    return kept?.id === id;
  }
}
