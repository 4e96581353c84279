import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import { CatalogAction } from '@app/catalog';
import { Organization } from '@app/parties';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestState } from '@app/core';

/** Requests that did not happen do not use the quota. */
const NOT_COUNTED = [RequestState.Rejected, RequestState.Cancelled];

/**
 * Enforces the quota the matrix states for an action (e.g. 10 anonymization treatments per 12-month
 * subscription, plus packages of 10 more), counted over the customer's current subscription period.
 */
@Injectable()
export class RequestQuota {
  async assertWithin(
    manager: EntityManager,
    action: CatalogAction,
    organization: Organization,
    now: Date,
  ): Promise<void> {
    const quota = action.quota;
    if (!quota) return;
    const periodStart = currentPeriodStart(
      new Date(organization.subscriptionStartedAt),
      quota.periodMonths,
      now,
    );
    const used = await manager.count(Request, {
      where: {
        organizationId: organization.id,
        action: action.key,
        state: Not(In(NOT_COUNTED)),
        createdAt: MoreThanOrEqual(periodStart),
      },
    });
    const allowed =
      quota.included + (organization.quotaPackages[quota.unit] ?? 0) * quota.packageSize;
    if (used >= allowed) {
      throw new RequestsException(Code.QuotaExceeded, {
        unit: quota.unit,
        allowed,
        used,
        periodStart: periodStart.toISOString(),
        packageSize: quota.packageSize,
      });
    }
  }
}

/** Start of the period (of `months` months, counted from the subscription start) that holds `now`. */
export function currentPeriodStart(subscribedAt: Date, months: number, now: Date): Date {
  let start = new Date(subscribedAt);
  for (let next = addMonths(start, months); next <= now; next = addMonths(start, months))
    start = next;
  return start;
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
