import type { MigrationInterface } from 'typeorm';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { NotificationDeliveries1764000000001 } from './1764000000001-notification-deliveries';
import { Webhooks1764000000002 } from './1764000000002-webhooks';
import { EmailActionLinks1764000000003 } from './1764000000003-email-action-links';
import { RequestDueAt1764000000004 } from './1764000000004-request-due-at';
import { InboxIndexes1764000000005 } from './1764000000005-inbox-indexes';
import { UserActive1764000000006 } from './1764000000006-user-active';
import { NotificationPreferences1764000000009 } from './1764000000009-notification-preferences';
import { AdminEvents1764000000010 } from './1764000000010-admin-events';
import { IdempotentCalls1764000000011 } from './1764000000011-idempotent-calls';
import { SignIn1764000000012 } from './1764000000012-sign-in';
import { WebhookGuard1764000000014 } from './1764000000014-webhook-guard';
import { MailLinksAtRest1764000000018 } from './1764000000018-mail-links-at-rest';
import { PersonalCredentials1764000000019 } from './1764000000019-personal-credentials';
import { EmailPerOrganization1764000000020 } from './1764000000020-email-per-organization';
import { KeyedHistory1764000000021 } from './1764000000021-keyed-history';
import { AuditCheckpoints1764000000022 } from './1764000000022-audit-checkpoints';
import { Delegations1764000000023 } from './1764000000023-delegations';
import { QuorumApprovals1764000000024 } from './1764000000024-quorum-approvals';
import { CatalogVersions1764000000025 } from './1764000000025-catalog-versions';

/** Every migration, oldest first. Listed explicitly so a bundled build finds them all. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1764000000000,
  NotificationDeliveries1764000000001,
  Webhooks1764000000002,
  EmailActionLinks1764000000003,
  RequestDueAt1764000000004,
  InboxIndexes1764000000005,
  UserActive1764000000006,
  NotificationPreferences1764000000009,
  AdminEvents1764000000010,
  IdempotentCalls1764000000011,
  SignIn1764000000012,
  WebhookGuard1764000000014,
  MailLinksAtRest1764000000018,
  PersonalCredentials1764000000019,
  EmailPerOrganization1764000000020,
  KeyedHistory1764000000021,
  AuditCheckpoints1764000000022,
  Delegations1764000000023,
  QuorumApprovals1764000000024,
  CatalogVersions1764000000025,
];
