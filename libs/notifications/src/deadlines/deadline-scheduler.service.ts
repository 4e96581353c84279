import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { DEADLINE_JOB_POLICY, JobName, QueueName } from '@app/core';
import {
  ApprovalDeadlines,
  Request,
  RequestEvent,
  RequestEventType,
  RequestState,
} from '@app/requests';

export const AWAITING_DECISION: readonly RequestState[] = [
  RequestState.PendingConsultation,
  RequestState.PendingApproval,
];

/** On submission, schedules the reminder before a request's approval deadline and the deadline itself. */
@Injectable()
export class DeadlineScheduler {
  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    @InjectQueue(QueueName.Deadlines) private readonly queue: Queue,
    private readonly deadlines: ApprovalDeadlines,
  ) {}

  /** Returns how many jobs it scheduled; ids per request make a replay a no-op. */
  async schedule(event: RequestEvent): Promise<number> {
    if (event.type !== RequestEventType.Submitted || !AWAITING_DECISION.includes(event.toState))
      return 0;
    const request = await this.requests.findOneBy({ id: event.requestId });
    if (!request?.dueAt) return 0;
    const now = new Date();
    const due = new Date(request.dueAt);
    const reminder = this.deadlines.reminderAt(due, now);
    const jobs = [
      ...(reminder ? [{ name: JobName.ApprovalReminder, at: reminder }] : []),
      { name: JobName.ApprovalDeadline, at: due },
    ];
    await this.queue.addBulk(
      jobs.map(({ name, at }) => ({
        name,
        data: { requestId: request.id },
        opts: {
          ...DEADLINE_JOB_POLICY,
          jobId: `${request.id}.${name}`,
          delay: Math.max(0, at.getTime() - now.getTime()),
        },
      })),
    );
    return jobs.length;
  }
}
