import { Repository } from 'typeorm';
import { principal, PROVIDER_ORG } from '@app/parties/testing/principal.fixture';
import { NotificationsErrorCode } from '../notifications.exception';
import { DEFAULT_INFORMED_MAIL, InformedMail } from './informed-mail';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationPreferences } from './notification-preferences.service';

/** The repository's two calls the service makes, over a map. */
function store(): Repository<NotificationPreference> {
  const rows = new Map<string, NotificationPreference>();
  return {
    findOneBy: ({ userId }: { userId: string }) => Promise.resolve(rows.get(userId) ?? null),
    upsert: (row: NotificationPreference) => Promise.resolve(void rows.set(row.userId, row)),
  } as unknown as Repository<NotificationPreference>;
}

describe('NotificationPreferences', () => {
  const user = principal(PROVIDER_ORG, []);
  const admin = principal(PROVIDER_ORG, [], null);

  it('answers the default, immediate, until the user chooses', async () => {
    const preferences = new NotificationPreferences(store());
    expect(DEFAULT_INFORMED_MAIL).toBe(InformedMail.Immediate);
    expect(await preferences.of(user)).toEqual({ informed: InformedMail.Immediate });
    await preferences.set(user, { informed: InformedMail.DailyDigest });
    expect(await preferences.of(user)).toEqual({ informed: InformedMail.DailyDigest });
    expect(await preferences.informedOf(user.userId!)).toBe(InformedMail.DailyDigest);
  });

  it('has nothing for the bootstrap admin, who is no user', async () => {
    const preferences = new NotificationPreferences(store());
    const refusal = expect.objectContaining({
      code: NotificationsErrorCode.PreferencesNeedAUser,
      status: 403,
    });
    await expect(preferences.of(admin)).rejects.toEqual(refusal);
    await expect(preferences.set(admin, { informed: InformedMail.Off })).rejects.toEqual(refusal);
  });
});
