import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { InformedMail, type PreferencesView } from '@app/notifications';

/** A user's mail preferences, as read and as set. */
export class NotificationPreferencesDto implements PreferencesView {
  @ApiProperty({
    enum: InformedMail,
    example: InformedMail.DailyDigest,
    description:
      'The mail of requests the user is Informed of: `immediate` (each event at once, the ' +
      'default), `daily-digest` (one message a day at DIGEST_HOUR) or `off`. Mail asking the ' +
      'user to act (approve, give an opinion, do the work, an escalation, reminders) is always ' +
      'sent at once.',
  })
  @IsEnum(InformedMail, { message: 'informed must be one of: immediate, daily-digest, off' })
  informed!: InformedMail;
}
