import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { AppConfig, JobName, JobQueue } from '@app/core';
import { OrganizationsService, UsersService } from '@app/parties';
import { Delegation } from '@app/requests';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { recipientKey } from '../planning/notification-planner.service';
import { localeOf } from '../planning/recipient-directory';
import { renderDelegationNotice } from '../templates/delegation-notice-mail';

type Moment = 'started' | 'ended';

/** Delegations a sweep looks at, at most: the rest wait for the next one. */
const BATCH = 100;

/**
 * Tells both people of each delegation that started, or ended (its window over, or ended early),
 * and was not told yet. The mail is recorded and queued first, then the delegation marked told: a
 * run that dies between the two gives the same notice again, which the ledger sends once.
 */
@Injectable()
export class DelegationNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly ledger: DeliveryLedger,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async giveDue(now = new Date()): Promise<number> {
    const repository = this.dataSource.getRepository(Delegation);
    const started = await repository.find({
      where: {
        startedNotifiedAt: IsNull(),
        startsAt: LessThanOrEqual(now),
        endsAt: MoreThan(now),
        endedAt: IsNull(),
      },
      take: BATCH,
    });
    for (const delegation of started) {
      await this.tell(delegation, 'started');
      await repository.update(
        { id: delegation.id, startedNotifiedAt: IsNull() },
        { startedNotifiedAt: now },
      );
    }
    const ended = await repository
      .createQueryBuilder('d')
      .where('d.ended_notified_at IS NULL')
      .andWhere(
        new Brackets((over) =>
          over.where('d.ended_at IS NOT NULL').orWhere('d.ends_at <= :now', { now }),
        ),
      )
      .take(BATCH)
      .getMany();
    for (const delegation of ended) {
      await this.tell(delegation, 'ended');
      await repository.update(
        { id: delegation.id },
        { endedNotifiedAt: now, startedNotifiedAt: delegation.startedNotifiedAt ?? now },
      );
    }
    return started.length + ended.length;
  }

  /** Records and queues the notice to the delegator and the delegate (those still active). */
  private async tell(delegation: Delegation, moment: Moment): Promise<void> {
    const people = await this.users.byIds([delegation.delegatorId, delegation.delegateId]);
    const delegator = people.find((user) => user.id === delegation.delegatorId);
    const delegate = people.find((user) => user.id === delegation.delegateId);
    const organization = await this.organizations.findById(delegation.organizationId);
    if (!delegator || !delegate || !organization) return;
    const noticeId = noticeIdOf(delegation.id, moment);
    for (const person of [delegator, delegate].filter((user) => user.active)) {
      const rendered = renderDelegationNotice({
        locale: localeOf(organization),
        moment,
        toDelegate: person.id === delegate.id,
        delegatorName: delegator.name || delegator.email,
        delegateName: delegate.name || delegate.email,
        roles: delegation.roles,
        startsAt: new Date(delegation.startsAt),
        endsAt: new Date(delegation.endsAt),
        reason: delegation.reason,
        inboxUrl: `${this.config.publicUrl}/`,
      });
      const delivery = await this.ledger.recordNotice({
        noticeId,
        eventType: `delegation.${moment}`,
        audience: 'delegation',
        organizationId: delegation.organizationId,
        message: {
          messageId: `<${noticeId}.${recipientKey(person.email)}@raci-engine>`,
          topic: `delegation-${moment}`,
          to: [person.email],
          ...rendered,
        },
      });
      if (delivery.status === DeliveryStatus.Sent) continue;
      await this.jobs.enqueue([
        { name: JobName.SendMail, data: { deliveryId: delivery.id, retry: 0 } },
      ]);
    }
  }
}

/** A UUID-shaped id for a delegation's notice of a moment, the same every time: its event id. */
export function noticeIdOf(delegationId: string, moment: Moment): string {
  const hex = createHash('sha256').update(`delegation.${delegationId}.${moment}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
