import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Party } from '@app/catalog';

export enum Opinion {
  Agree = 'agree',
  Disagree = 'disagree',
}

/** A Consulted party's answer; one per party and request. */
@Entity({ name: 'request_opinions' })
export class RequestOpinion {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ type: 'varchar', length: 16 })
  party!: Party;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  opinion!: Opinion;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
