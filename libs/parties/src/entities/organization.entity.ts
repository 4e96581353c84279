import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Plan } from '@app/catalog';
import { Locale, OrganizationKind } from '../parties.types';

/** The provider (one) or a customer (a tenant), with the subscription the matrix depends on. */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: OrganizationKind;

  /** null for the provider. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  plan!: Plan | null;

  @Column({ name: 'on_demand', type: 'boolean', default: false })
  onDemand!: boolean;

  @Column({ name: 'contact_emails', type: 'jsonb' })
  contactEmails!: string[];

  @Column({ type: 'varchar', length: 8 })
  locale!: Locale;

  /** Start of the current subscription period; quotas count from here. */
  @Column({ name: 'subscription_started_at', type: 'timestamptz' })
  subscriptionStartedAt!: Date;

  /** Extra packages bought per quota unit, e.g. { "anonymization-treatment": 1 }. */
  @Column({ name: 'quota_packages', type: 'jsonb' })
  quotaPackages!: Record<string, number>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
