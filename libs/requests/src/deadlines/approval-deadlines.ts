import { Injectable } from '@nestjs/common';
import { CatalogAction, Plan } from '@app/catalog';
import { AppConfig } from '@app/core';
import { BusinessCalendar } from './business-calendar';

/**
 * When a request's approval is due: the catalog's deadline for the action, or, for on-request work,
 * the provider's stated 7 working days (APPROVAL_DEADLINE_DAYS); self-service work has none unless
 * the catalog sets one.
 */
@Injectable()
export class ApprovalDeadlines {
  readonly calendar: BusinessCalendar;

  constructor(private readonly config: AppConfig) {
    this.calendar = new BusinessCalendar(config.env.HOLIDAYS);
  }

  dueAt(action: CatalogAction, plan: Plan, from: Date): Date | null {
    const days =
      action.deadline?.businessDays ??
      (plan === Plan.OnRequest ? this.config.env.APPROVAL_DEADLINE_DAYS : undefined);
    return days ? this.calendar.addBusinessDays(from, days) : null;
  }

  /** When to remind the approvers, if that is still ahead. */
  reminderAt(due: Date, now: Date): Date | null {
    const days = this.config.env.DEADLINE_REMINDER_DAYS;
    const at = days > 0 ? this.calendar.subtractBusinessDays(due, days) : null;
    return at && at > now ? at : null;
  }
}
