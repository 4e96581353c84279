import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PartiesModule } from '@app/parties';
import { ApprovalDeadlines } from './deadlines/approval-deadlines';
import { DecisionLink } from './decision-links/decision-link.entity';
import { DecisionLinks } from './decision-links/decision-links.service';
import { DeciderDirectory } from './domain/decider-directory';
import { IdempotencyService } from './domain/idempotency.service';
import { RaciResolver } from './domain/raci-resolver';
import { RequestQuota } from './domain/request-quota';
import { OrganizationQuotas } from './quotas/organization-quotas.service';
import { RequestTransitioner } from './domain/request-transitioner';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { OutboxEvent } from './entities/outbox-event.entity';
import { RequestComment } from './entities/request-comment.entity';
import { RequestApproval } from './entities/request-approval.entity';
import { RequestOpinion } from './entities/request-opinion.entity';
import { Request } from './entities/request.entity';
import { CommentOnRequestService } from './use-cases/comment-on-request.service';
import { EscalateOrphanedRequestsService } from './use-cases/escalate-orphaned-requests.service';
import { PreviewRequestService } from './use-cases/preview-request.service';
import { RequestQueriesService } from './use-cases/request-queries.service';
import { SubmitRequestService } from './use-cases/submit-request.service';
import { TransitionRequestService } from './use-cases/transition-request.service';
import { RequestReader } from './views/request-reader';
import { RequestViews } from './views/request-views.service';
import { ViewerActionsService } from './use-cases/viewer-actions.service';

const USE_CASES = [
  SubmitRequestService,
  PreviewRequestService,
  TransitionRequestService,
  CommentOnRequestService,
  RequestQueriesService,
  EscalateOrphanedRequestsService,
  ViewerActionsService,
];

/** Requests: the lifecycle, its use cases, decisions by email link, and what others may read. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Request,
      RequestOpinion,
      RequestApproval,
      RequestComment,
      OutboxEvent,
      IdempotencyKey,
      DecisionLink,
    ]),
    AuditModule,
    PartiesModule,
  ],
  providers: [
    RaciResolver,
    DeciderDirectory,
    RequestQuota,
    OrganizationQuotas,
    IdempotencyService,
    RequestTransitioner,
    ApprovalDeadlines,
    DecisionLinks,
    RequestReader,
    RequestViews,
    ...USE_CASES,
  ],
  exports: [
    TypeOrmModule,
    ...USE_CASES,
    ApprovalDeadlines,
    RequestTransitioner,
    DecisionLinks,
    RequestReader,
    OrganizationQuotas,
    IdempotencyService,
  ],
})
export class RequestsModule {}
