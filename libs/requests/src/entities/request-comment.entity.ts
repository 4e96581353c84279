import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Party } from '@app/catalog';

/** A comment on a request; `internal` ones are the provider's own and never shown to customers. */
@Entity({ name: 'request_comments' })
export class RequestComment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 16 })
  party!: Party;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
