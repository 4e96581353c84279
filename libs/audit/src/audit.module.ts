import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditVerifier } from './admin/admin-audit-verifier';
import { AdminAuditService } from './admin/admin-audit.service';
import { AdminEvent } from './admin/admin-event.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log.entity';
import { AuditService } from './audit.service';
import { AdminLogReader } from './checkpoints/admin-log.reader';
import { AuditCheckpoint } from './checkpoints/audit-checkpoint.entity';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';
import { CheckpointKeys } from './checkpoints/checkpoint-keys';
import { CheckpointVerifier } from './checkpoints/checkpoint-verifier';
import { CheckpointWriter } from './checkpoints/checkpoint-writer.service';
import { HistoryLogReader } from './checkpoints/history-log.reader';
import { AuditKeys } from './keys/audit-keys';
import { HistoryVerifier } from './verify/history-verifier';
import { TenantLogVerifier } from './verify/tenant-log-verifier';

/**
 * The keyed logs: each request's history, each organization's log of them, and its admin log; and
 * the signed checkpoints that seal each organization's logs.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AdminEvent, AuditLog, AuditCheckpoint])],
  providers: [
    AuditKeys,
    AuditService,
    AdminAuditService,
    AdminAuditVerifier,
    HistoryVerifier,
    TenantLogVerifier,
    CheckpointKeys,
    AdminLogReader,
    HistoryLogReader,
    CheckpointWriter,
    CheckpointVerifier,
    AuditCheckpointsService,
  ],
  exports: [
    AuditKeys,
    AuditService,
    AdminAuditService,
    AdminAuditVerifier,
    CheckpointKeys,
    CheckpointWriter,
    CheckpointVerifier,
    AuditCheckpointsService,
  ],
})
export class AuditModule {}
