import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InformedMail } from './informed-mail';

/** A user's choice of mail; a user without a row has the defaults. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  informed!: InformedMail;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
