import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminEvent } from '../admin/admin-event.entity';
import { AuditEntry } from '../audit-entry.entity';
import { AuditModule } from '../audit.module';
import { HistorySealer } from './history-sealer.service';

/** Seals the history recorded before keys, at the start of the process that imports it (the API). */
@Module({
  imports: [AuditModule, TypeOrmModule.forFeature([AuditEntry, AdminEvent])],
  providers: [HistorySealer],
  exports: [HistorySealer],
})
export class AuditSealingModule {}
