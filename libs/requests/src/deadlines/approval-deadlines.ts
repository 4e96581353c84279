import { Injectable } from '@nestjs/common';
import { CatalogAction } from '@app/catalog';
import { AppConfig } from '@app/core';
import { BusinessCalendar } from './business-calendar';

/**
 * When a request's decision is due: the catalog's deadline for the action, or else the provider's
 * stated 7 working days (APPROVAL_DEADLINE_DAYS), whatever the plan: every request that waits for a
 * decision has a due date, so it is always reminded and escalated.
 */
@Injectable()
export class ApprovalDeadlines {
  readonly calendar: BusinessCalendar;

  constructor(private readonly config: AppConfig) {
    this.calendar = new BusinessCalendar(config.env.HOLIDAYS);
  }

  dueAt(action: CatalogAction, from: Date): Date {
    const days = action.deadline?.businessDays ?? this.config.env.APPROVAL_DEADLINE_DAYS;
    return this.calendar.addBusinessDays(from, days);
  }

  /** When to remind the approvers, if that is still ahead. */
  reminderAt(due: Date, now: Date): Date | null {
    const days = this.config.env.DEADLINE_REMINDER_DAYS;
    const at = days > 0 ? this.calendar.subtractBusinessDays(due, days) : null;
    return at && at > now ? at : null;
  }
}
