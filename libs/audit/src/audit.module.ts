import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditVerifier } from './admin/admin-audit-verifier';
import { AdminAuditService } from './admin/admin-audit.service';
import { AdminEvent } from './admin/admin-event.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log.entity';
import { AuditService } from './audit.service';
import { AuditKeys } from './keys/audit-keys';
import { HistoryVerifier } from './verify/history-verifier';
import { TenantLogVerifier } from './verify/tenant-log-verifier';

/** The keyed logs: each request's history, each organization's log of them, and its admin log. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AdminEvent, AuditLog])],
  providers: [
    AuditKeys,
    AuditService,
    AdminAuditService,
    AdminAuditVerifier,
    HistoryVerifier,
    TenantLogVerifier,
  ],
  exports: [AuditKeys, AuditService, AdminAuditService, AdminAuditVerifier],
})
export class AuditModule {}
