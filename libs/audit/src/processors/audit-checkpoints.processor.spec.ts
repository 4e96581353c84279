import { Job } from 'bullmq';
import { JobItem, JobName, JobQueue } from '@app/core';
import { CheckpointWriter } from '../checkpoints/checkpoint-writer.service';
import { AuditCheckpointsProcessor } from './audit-checkpoints.processor';

describe('AuditCheckpointsProcessor', () => {
  const dispatch: JobItem = {
    name: JobName.DispatchWebhooks,
    data: {
      event: {
        id: 'c1',
        type: 'audit.checkpoint',
        organizationId: 'o1',
        occurredAt: '2026-11-30T09:00:00.000Z',
        checkpoint: {} as never,
      },
    },
  };
  let calls: string[];
  let writer: CheckpointWriter;
  let jobs: JobQueue;

  beforeEach(() => {
    calls = [];
    writer = {
      signMoved: jest.fn(
        (at: Date) => (calls.push(`sign ${at.toISOString()}`), Promise.resolve(2)),
      ),
      unpublished: jest.fn(() => Promise.resolve({ ids: ['c1'], jobs: [dispatch] })),
      markPublished: jest.fn(
        (ids: string[]) => (calls.push(`mark ${ids.join()}`), Promise.resolve()),
      ),
    } as unknown as CheckpointWriter;
    jobs = {
      enqueue: jest.fn(
        (items: JobItem[]) => (calls.push(`enqueue ${items.length}`), Promise.resolve()),
      ),
    } as unknown as JobQueue;
  });

  const run = (at: string | null) =>
    new AuditCheckpointsProcessor(writer, jobs).process({ data: { at } } as Job<{
      at: string | null;
    }>);

  it('signs at the instant the run stands for, then queues the pushes before marking them', async () => {
    expect(await run('2026-11-30T09:00:00.000Z')).toEqual({ signed: 2, published: 1 });
    expect(calls).toEqual(['sign 2026-11-30T09:00:00.000Z', 'enqueue 1', 'mark c1']);
  });

  it('marks nothing when queueing fails, so the next run queues them again', async () => {
    jobs.enqueue = jest.fn(() => Promise.reject(new Error('redis down')));
    await expect(run(null)).rejects.toThrow('redis down');
    expect(writer.markPublished).not.toHaveBeenCalled();
  });
});
