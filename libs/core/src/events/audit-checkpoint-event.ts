import { REQUEST_EVENT_TYPES, type RequestEvent } from './request-event';

/** The webhook event type of a new signed checkpoint of an audit log. */
export const AUDIT_CHECKPOINT_EVENT = 'audit.checkpoint';

/** The audit logs of an organization a checkpoint can seal. */
export type CheckpointLog = 'history' | 'admin';

/**
 * A signed checkpoint as it is exported (and pushed to webhooks): everything needed to check its
 * signature offline, and to ask the engine later whether its log still holds what it sealed.
 */
export interface ExportedCheckpoint {
  id: string;
  organizationId: string;
  log: CheckpointLog;
  /** The last entry of the log the checkpoint covers. */
  seq: number;
  /** That entry's hash. */
  root: string;
  /** ISO 8601, to the millisecond. */
  signedAt: string;
  /** The RFC 7638 thumbprint of the public key that checks `signature`. */
  keyId: string;
  /** Ed25519 over the bytes of `statement`, base64url. */
  signature: string;
  /** The signed text: canonical JSON of `{v, organizationId, log, seq, root, signedAt}`. */
  statement: string;
}

/** What the webhooks of an organization hear when one of its logs is sealed by a checkpoint. */
export interface AuditCheckpointEvent {
  /** The checkpoint's id. */
  id: string;
  type: typeof AUDIT_CHECKPOINT_EVENT;
  organizationId: string;
  occurredAt: string;
  checkpoint: ExportedCheckpoint;
}

/** Every event a webhook can be sent: a request's, or a checkpoint of an audit log. */
export type WebhookEvent = RequestEvent | AuditCheckpointEvent;

/** Every event type a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...REQUEST_EVENT_TYPES,
  AUDIT_CHECKPOINT_EVENT,
];
