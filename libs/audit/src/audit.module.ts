import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditVerifier } from './admin/admin-audit-verifier';
import { AdminAuditService } from './admin/admin-audit.service';
import { AdminEvent } from './admin/admin-event.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditService } from './audit.service';

/** The hash-chained logs: each request's history, and the admin audit log of each organization. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AdminEvent])],
  providers: [AuditService, AdminAuditService, AdminAuditVerifier],
  exports: [AuditService, AdminAuditService, AdminAuditVerifier],
})
export class AuditModule {}
