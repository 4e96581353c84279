import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Principal } from '@app/parties';
import { NotificationsErrorCode as Code, NotificationsException } from '../notifications.exception';
import { DEFAULT_INFORMED_MAIL, InformedMail } from './informed-mail';
import { NotificationPreference } from './notification-preference.entity';

/** What a caller sees and sets of their own mail. */
export interface PreferencesView {
  informed: InformedMail;
}

/** Each user's choice of Informed mail: read by the mail planner, set by the user or an unsubscribe link. */
@Injectable()
export class NotificationPreferences {
  constructor(
    @InjectRepository(NotificationPreference)
    private readonly preferences: Repository<NotificationPreference>,
  ) {}

  async informedOf(userId: string): Promise<InformedMail> {
    const row = await this.preferences.findOneBy({ userId });
    return row?.informed ?? DEFAULT_INFORMED_MAIL;
  }

  async setInformed(userId: string, informed: InformedMail): Promise<void> {
    await this.preferences.upsert({ userId, informed, updatedAt: new Date() }, ['userId']);
  }

  /** The caller's own preferences; the bootstrap admin has no user, so none. */
  async of(principal: Principal): Promise<PreferencesView> {
    return { informed: await this.informedOf(userOf(principal)) };
  }

  async set(principal: Principal, view: PreferencesView): Promise<PreferencesView> {
    await this.setInformed(userOf(principal), view.informed);
    return { informed: view.informed };
  }
}

function userOf(principal: Principal): string {
  if (!principal.userId) throw new NotificationsException(Code.PreferencesNeedAUser);
  return principal.userId;
}
