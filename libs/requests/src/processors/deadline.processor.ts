import { Processor, WorkerHost } from '@nestjs/bullmq';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { Repository } from 'typeorm';
import { Catalog } from '@app/catalog';
import {
  AWAITING_DECISION,
  DeadlineResult,
  JobData,
  JobName,
  QueueName,
  RequestEventType,
  TransactionRunner,
  WORKER_LOCKS,
} from '@app/core';
import { OrganizationKind, OrganizationsService, partyOfKind } from '@app/parties';
import { engineEvent } from '../deadlines/engine-event';
import { RequestVerb } from '../domain/request-state';
import { RequestTransitioner } from '../domain/request-transitioner';
import { Request } from '../entities/request.entity';
import { writeToOutbox } from '../outbox/outbox-writer';

type DeadlineJob = Job<
  JobData<JobName.ApprovalReminder | JobName.ApprovalDeadline>,
  DeadlineResult,
  JobName.ApprovalReminder | JobName.ApprovalDeadline
>;

/** Why an escalation or an expiry happened, as the history and the mail say it. */
const DEADLINE_PASSED = 'The approval deadline passed.';
/**
 * At a reminder, asks the approvers again; at the deadline, expires the request where the catalog
 * says so, or else escalates to the Accountable organization's admins. Each writes its event to the
 * outbox in one transaction, like every other change, so a job killed halfway and run again loses
 * and doubles nothing. A request decided in the meantime needs nothing.
 */
@Processor(QueueName.Deadlines, WORKER_LOCKS)
export class DeadlineProcessor extends WorkerHost {
  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly catalog: Catalog,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly transitioner: RequestTransitioner,
    private readonly events: EventEmitter2,
  ) {
    super();
  }

  async process(job: DeadlineJob): Promise<DeadlineResult> {
    const { requestId } = job.data;
    const request = await this.requests.findOneBy({ id: requestId });
    if (!request || !AWAITING_DECISION.includes(request.state)) {
      return { requestId, outcome: 'decided-in-time' };
    }
    if (job.name === JobName.ApprovalReminder) {
      return this.announce(request, RequestEventType.ApprovalReminder, 'reminded');
    }
    const catalog = await this.catalog.at(request.catalogVersion);
    if (catalog.action(request.action)?.deadline?.onMiss === 'expire') {
      return this.expire(request);
    }
    return this.announce(request, RequestEventType.Escalated, 'escalated', DEADLINE_PASSED);
  }

  private async announce(
    request: Request,
    type: RequestEventType,
    outcome: DeadlineResult['outcome'],
    comment: string | null = null,
  ): Promise<DeadlineResult> {
    await this.transactions.run((manager) =>
      writeToOutbox(manager, engineEvent(request, type, { comment }), { once: true }),
    );
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
        comment: DEADLINE_PASSED,
      }),
    );
    // Once committed, like the API's changes: the live inbox tells the consoles it left.
    this.events.emit(event.type, event);
    return { requestId: request.id, outcome: 'expired' };
  }
}
