import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Job, Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { Catalog } from '@app/catalog';
import { JobName, PLAN_JOB_POLICY, QueueName, TransactionRunner, WORKER_LOCKS } from '@app/core';
import { OrganizationKind, OrganizationsService, partyOfKind } from '@app/parties';
import { Request, RequestEventType, RequestTransitioner, RequestVerb } from '@app/requests';
import { engineEvent } from './deadline-events';
import { AWAITING_DECISION } from './deadline-scheduler.service';

export interface DeadlineResult {
  requestId: string;
  outcome: 'decided-in-time' | 'reminded' | 'escalated' | 'expired';
}

/**
 * At a reminder, asks the approvers again; at the deadline, expires the request where the catalog
 * says so, or else escalates to the Accountable organization's admins. A request decided in the
 * meantime needs nothing.
 */
@Processor(QueueName.Deadlines, WORKER_LOCKS)
export class DeadlineProcessor extends WorkerHost {
  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    private readonly catalog: Catalog,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly transitioner: RequestTransitioner,
    private readonly events: EventEmitter2,
  ) {
    super();
  }

  async process(job: Job<{ requestId: string }, DeadlineResult, JobName>): Promise<DeadlineResult> {
    const { requestId } = job.data;
    const request = await this.requests.findOneBy({ id: requestId });
    if (!request || !AWAITING_DECISION.includes(request.state)) {
      return { requestId, outcome: 'decided-in-time' };
    }
    if (job.name === JobName.ApprovalReminder) {
      return this.announce(request, RequestEventType.ApprovalReminder, 'reminded');
    }
    if (this.catalog.action(request.action)?.deadline?.onMiss === 'expire')
      return this.expire(request);
    return this.announce(request, RequestEventType.Escalated, 'escalated');
  }

  private async announce(
    request: Request,
    type: RequestEventType,
    outcome: DeadlineResult['outcome'],
  ): Promise<DeadlineResult> {
    const event = engineEvent(request, type);
    await this.notifications.add(JobName.PlanNotifications, event, {
      ...PLAN_JOB_POLICY,
      jobId: event.id,
    });
    return { requestId: request.id, outcome };
  }

  /** The engine itself moves the request, through the one state machine, as the provider's system. */
  private async expire(request: Request): Promise<DeadlineResult> {
    const actor = {
      userId: null,
      email: null,
      organizationId: await this.organizations.providerOrganizationId(),
      kind: OrganizationKind.Provider,
      party: partyOfKind(OrganizationKind.Provider),
      roles: [],
    };
    const event = await this.transactions.run((manager) =>
      this.transitioner.apply(manager, request, {
        verb: RequestVerb.Expire,
        actor,
        letter: null,
        comment: 'The approval deadline passed.',
      }),
    );
    this.events.emit(event.type, event);
    return { requestId: request.id, outcome: 'expired' };
  }
}
