import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { PartiesModule } from '@app/parties';
import { ApprovalDeadlines } from './deadlines/approval-deadlines';
import { IdempotencyService } from './domain/idempotency.service';
import { RaciResolver } from './domain/raci-resolver';
import { RequestQuota } from './domain/request-quota';
import { RequestTransitioner } from './domain/request-transitioner';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { OutboxEvent } from './entities/outbox-event.entity';
import { RequestComment } from './entities/request-comment.entity';
import { RequestOpinion } from './entities/request-opinion.entity';
import { Request } from './entities/request.entity';
import { CommentOnRequestService } from './use-cases/comment-on-request.service';
import { PreviewRequestService } from './use-cases/preview-request.service';
import { RequestQueriesService } from './use-cases/request-queries.service';
import { SubmitRequestService } from './use-cases/submit-request.service';
import { TransitionRequestService } from './use-cases/transition-request.service';

const USE_CASES = [
  SubmitRequestService,
  PreviewRequestService,
  TransitionRequestService,
  CommentOnRequestService,
  RequestQueriesService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Request,
      RequestOpinion,
      RequestComment,
      OutboxEvent,
      IdempotencyKey,
    ]),
    AuditModule,
    PartiesModule,
  ],
  providers: [
    RaciResolver,
    RequestQuota,
    IdempotencyService,
    RequestTransitioner,
    ApprovalDeadlines,
    ...USE_CASES,
  ],
  exports: [...USE_CASES, ApprovalDeadlines, RequestTransitioner],
})
export class RequestsModule {}
