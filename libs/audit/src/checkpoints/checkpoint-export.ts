import {
  AUDIT_CHECKPOINT_EVENT,
  type AuditCheckpointEvent,
  type ExportedCheckpoint,
} from '@app/core';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { checkpointStatement } from './checkpoint-statement';

/** A stored checkpoint as it is exported: its fields, key, signature and the signed text. */
export function exportCheckpoint(checkpoint: AuditCheckpoint): ExportedCheckpoint {
  const signedAt = new Date(checkpoint.signedAt);
  return {
    id: checkpoint.id,
    organizationId: checkpoint.organizationId,
    log: checkpoint.log,
    seq: checkpoint.seq,
    root: checkpoint.root,
    signedAt: signedAt.toISOString(),
    keyId: checkpoint.keyId,
    signature: checkpoint.signature,
    statement: checkpointStatement({ ...checkpoint, signedAt }),
  };
}

/** The webhook event of a checkpoint: its id is the checkpoint's, so it is dispatched once. */
export function checkpointEvent(checkpoint: AuditCheckpoint): AuditCheckpointEvent {
  const exported = exportCheckpoint(checkpoint);
  return {
    id: exported.id,
    type: AUDIT_CHECKPOINT_EVENT,
    organizationId: exported.organizationId,
    occurredAt: exported.signedAt,
    checkpoint: exported,
  };
}
