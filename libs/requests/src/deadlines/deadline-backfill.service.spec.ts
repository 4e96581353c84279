import { Repository } from 'typeorm';
import { Catalog } from '@app/catalog';
import { JobName, JobQueue, RequestState } from '@app/core';
import { Request } from '../entities/request.entity';
import { DeadlineHandler } from '../handlers/deadline.handler';
import { ApprovalDeadlines } from './approval-deadlines';
import { DeadlineBackfill } from './deadline-backfill.service';

describe('DeadlineBackfill', () => {
  const now = new Date('2026-11-30T09:00:00Z');
  const due = new Date('2026-12-09T09:00:00Z');
  const undated = {
    id: 'r-1',
    action: 'mariadb.backup-and-restoration',
    organizationId: 'org-c',
    state: RequestState.PendingApproval,
    dueAt: null,
  } as unknown as Request;

  function setUp(affected: number) {
    const repository = {
      findBy: jest.fn().mockResolvedValue([undated]),
      update: jest.fn().mockResolvedValue({ affected }),
    };
    const deadlines = {
      dueAt: () => due,
      reminderAt: () => new Date('2026-12-08T09:00:00Z'),
    } as unknown as ApprovalDeadlines;
    const jobs = { enqueue: jest.fn() };
    const backfill = new DeadlineBackfill(
      repository as unknown as Repository<Request>,
      {
        at: () => Promise.resolve({ action: () => ({ key: undated.action }) }),
      } as unknown as Catalog,
      deadlines,
      new DeadlineHandler(deadlines),
      jobs as unknown as JobQueue,
    );
    return { backfill, repository, jobs };
  }

  it('dates a waiting request without a due date and schedules its reminder and deadline', async () => {
    const { backfill, repository, jobs } = setUp(1);
    expect(await backfill.run(now)).toEqual(['r-1']);
    expect(repository.update).toHaveBeenCalledWith(
      { id: 'r-1', dueAt: expect.anything() },
      { dueAt: due },
    );
    expect(jobs.enqueue).toHaveBeenCalledWith([
      expect.objectContaining({ name: JobName.ApprovalReminder, data: { requestId: 'r-1' } }),
      { name: JobName.ApprovalDeadline, data: { requestId: 'r-1' }, runAt: due },
    ]);
  });

  it('schedules nothing for a request another worker dated first', async () => {
    const { backfill, jobs } = setUp(0);
    expect(await backfill.run(now)).toEqual([]);
    expect(jobs.enqueue).toHaveBeenCalledWith([]);
  });
});
