import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { CheckpointScheduler } from './checkpoints/checkpoint-scheduler.service';
import { AuditCheckpointsProcessor } from './processors/audit-checkpoints.processor';

/** What a worker runs for the audit logs: the periodic signing of their checkpoints. */
@Module({
  imports: [AuditModule],
  providers: [CheckpointScheduler, AuditCheckpointsProcessor],
})
export class AuditWorkerModule {}
