import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  AWAITING_DECISION,
  RequestEvent,
  RequestEventType,
  RequestState,
  StuckDecision,
  TransactionRunner,
  type UserDeactivatedEvent,
  UserEventType,
} from '@app/core';
import { Catalog, Party } from '@app/catalog';
import { OrganizationsService, User, UsersService } from '@app/parties';
import { engineEvent } from '../deadlines/engine-event';
import { judge, RequestParties } from '../domain/raci-policy';
import { RequestVerb } from '../domain/request-state';
import { DeciderDirectory, MissingDecider, rolesFor } from '../domain/decider-directory';
import { RequestOpinion } from '../entities/request-opinion.entity';
import { Request } from '../entities/request.entity';
import { writeToOutbox } from '../outbox/outbox-writer';

/**
 * When a user is deactivated, each request still waiting for a decision that nobody can now take
 * (no approver of the Accountable party, or nobody for an awaited Consulted party) is escalated at
 * once to the Accountable organization's admins: a `request.escalated` event written to the outbox,
 * mailed like the escalation of a missed deadline, naming the party and who to add (`stuck`).
 */
@Injectable()
export class EscalateOrphanedRequestsService {
  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly catalog: Catalog,
    private readonly deciders: DeciderDirectory,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventEmitter2,
  ) {}

  @OnEvent(UserEventType.Deactivated, { promisify: true })
  onDeactivated(event: UserDeactivatedEvent): Promise<string[]> {
    return this.escalate(event);
  }

  /** Escalates what the deactivation left with nobody to decide; returns the requests escalated. */
  async escalate(
    event: Pick<UserDeactivatedEvent, 'userId' | 'organizationId'>,
  ): Promise<string[]> {
    const [user] = await this.users.byIds([event.userId]);
    if (!user) return [];
    const provider = event.organizationId === (await this.organizations.providerOrganizationId());
    const waiting = await this.requests.find({
      where: {
        state: In([...AWAITING_DECISION]),
        ...(provider ? {} : { organizationId: event.organizationId }),
      },
      order: { createdAt: 'ASC' },
    });
    const raised: RequestEvent[] = [];
    for (const request of waiting) {
      const catalog = await this.catalog.at(request.catalogVersion);
      const parties = { ...request, letters: catalog.lettersOf(request.action) };
      const awaited = await this.awaited(request);
      if (!couldDecide(user, provider ? Party.Provider : Party.Customer, parties, awaited)) {
        continue;
      }
      const missing = await this.deciders.missing(parties, awaited);
      if (missing.length === 0) continue;
      const escalation = engineEvent(request, RequestEventType.Escalated, {
        cause: `orphaned.${event.userId}`,
        stuck: missing.map(stuckDecision),
      });
      await this.transactions.run((manager) => writeToOutbox(manager, escalation, { once: true }));
      raised.push(escalation);
    }
    raised.forEach((escalation) => this.events.emit(escalation.type, escalation));
    return raised.map((escalation) => escalation.requestId);
  }

  /** The Consulted parties a request still waits on. */
  private async awaited(request: Request): Promise<Request['consulted']> {
    if (request.state !== RequestState.PendingConsultation) return [];
    const opinions = await this.requests.manager.findBy(RequestOpinion, { requestId: request.id });
    return request.consulted.filter((party) => !opinions.some((o) => o.party === party));
  }
}

/** Whether the user, active, could take a decision the request waits for. */
function couldDecide(
  user: User,
  party: Party,
  request: RequestParties,
  awaited: readonly Party[],
): boolean {
  const actor = { userId: user.id, party, roles: user.roles };
  return (
    judge(RequestVerb.Approve, actor, request).allowed ||
    (awaited.includes(party) && judge(RequestVerb.Opinion, actor, request).allowed)
  );
}

/** What the admins read, as data: who can no longer decide, and who to add so the request can move. */
export function stuckDecision({ verb, party, organization }: MissingDecider): StuckDecision {
  return { verb, party, roles: rolesFor(verb), organization: organization.name };
}
