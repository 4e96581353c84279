import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import { CatalogAction } from '@app/catalog';
import { Organization } from '@app/parties';
import { Request } from '../entities/request.entity';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { lockUntilCommit, RequestState } from '@app/core';

/** Requests that did not happen do not use the quota. */
const NOT_COUNTED = [RequestState.Rejected, RequestState.Cancelled];

/** Where an organization stands against one action's quota in the current subscription period. */
export interface QuotaUsage {
  action: string;
  unit: string;
  /** Included in the subscription, per period. */
  included: number;
  /** Extra packages bought for the period, each of `packageSize`. */
  packages: number;
  packageSize: number;
  allowed: number;
  used: number;
  remaining: number;
  periodMonths: number;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * Enforces the quota the matrix states for an action (e.g. 10 anonymization treatments per 12-month
 * subscription, plus packages of 10 more), counted over the customer's current subscription period.
 */
@Injectable()
export class RequestQuota {
  /**
   * Refuses a submission over the quota. Call it in the transaction that inserts the request: it
   * holds the organization's quota for that action until the commit, so concurrent submissions
   * count one after another and never take more than what is left.
   */
  async assertWithin(
    manager: EntityManager,
    action: CatalogAction,
    organization: Organization,
    now: Date,
  ): Promise<void> {
    if (!action.quota) return;
    await lockUntilCommit(manager, `request-quota:${organization.id}:${action.key}`);
    const usage = await this.usage(manager, action, organization, now);
    if (usage && usage.used >= usage.allowed) {
      throw new RequestsException(Code.QuotaExceeded, {
        unit: usage.unit,
        allowed: usage.allowed,
        used: usage.used,
        periodStart: usage.periodStart.toISOString(),
        packageSize: usage.packageSize,
      });
    }
  }

  /** The organization's use of the action's quota in the period holding `now`; null without one. */
  async usage(
    manager: EntityManager,
    action: CatalogAction,
    organization: Organization,
    now: Date,
  ): Promise<QuotaUsage | null> {
    const quota = action.quota;
    if (!quota) return null;
    const subscribedAt = new Date(organization.subscriptionStartedAt);
    const periodStart = currentPeriodStart(subscribedAt, quota.periodMonths, now);
    const used = await manager.count(Request, {
      where: {
        organizationId: organization.id,
        action: action.key,
        state: Not(In(NOT_COUNTED)),
        createdAt: MoreThanOrEqual(periodStart),
      },
    });
    const packages = organization.quotaPackages[quota.unit] ?? 0;
    const allowed = quota.included + packages * quota.packageSize;
    return {
      action: action.key,
      unit: quota.unit,
      included: quota.included,
      packages,
      packageSize: quota.packageSize,
      allowed,
      used,
      remaining: Math.max(0, allowed - used),
      periodMonths: quota.periodMonths,
      periodStart,
      periodEnd: addMonths(periodStart, quota.periodMonths),
    };
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
