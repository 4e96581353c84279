import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditVerifier } from './admin/admin-audit-verifier';
import { AdminAuditService } from './admin/admin-audit.service';
import { AdminEvent } from './admin/admin-event.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';
import { AdminLogReader } from './checkpoints/admin-log.reader';
import { AuditCheckpoint } from './checkpoints/audit-checkpoint.entity';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';
import { CheckpointKeys } from './checkpoints/checkpoint-keys';
import { CheckpointVerifier } from './checkpoints/checkpoint-verifier';
import { CheckpointWriter } from './checkpoints/checkpoint-writer.service';

/**
 * The hash-chained logs: each request's history, and the admin audit log of each organization; and
 * the signed checkpoints that seal them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AdminEvent, AuditCheckpoint])],
  providers: [
    AuditService,
    AdminAuditService,
    AdminAuditVerifier,
    CheckpointKeys,
    AdminLogReader,
    CheckpointWriter,
    CheckpointVerifier,
    AuditCheckpointsService,
  ],
  exports: [
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
