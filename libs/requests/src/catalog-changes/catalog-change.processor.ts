import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { Repository } from 'typeorm';
import {
  CatalogActivationService,
  CatalogVersionsService,
  CatalogVersionState as State,
} from '@app/catalog';
import {
  ApplyCatalogChangeResult as Result,
  JobData,
  JobName,
  QueueName,
  WORKER_LOCKS,
} from '@app/core';
import { Request } from '../entities/request.entity';
import { CHANGE_MATRIX_ACTION } from '../use-cases/change-matrix.action';

type ApplyJob = Job<JobData<JobName.ApplyCatalogChange>, Result, JobName.ApplyCatalogChange>;

/**
 * Applies a decided change of the matrix to its draft version: approved, it is put in force at its
 * `effectiveAt` or at once (every process follows within seconds); rejected or cancelled, it is
 * discarded. A version already approved or discarded is left as it is, so a run again does nothing.
 */
@Processor(QueueName.CatalogChanges, WORKER_LOCKS)
export class CatalogChangeProcessor extends WorkerHost {
  constructor(
    @InjectRepository(Request) private readonly requests: Repository<Request>,
    private readonly versions: CatalogVersionsService,
    private readonly activation: CatalogActivationService,
  ) {
    super();
  }

  async process(job: ApplyJob): Promise<Result> {
    const { requestId, decision } = job.data;
    const request = await this.requests.findOneBy({ id: requestId });
    const version = request?.action === CHANGE_MATRIX_ACTION ? draftOf(request) : null;
    if (version === null) return { requestId, version, outcome: 'not-a-change' };
    const row = await this.versions.one(version);
    if (row.state !== State.Draft || row.approvedAt !== null) {
      return { requestId, version, outcome: 'unchanged' };
    }
    if (decision !== 'approved') {
      const discarded = await this.versions.discard(version);
      return { requestId, version, outcome: discarded ? 'discarded' : 'unchanged' };
    }
    const after = await this.activation.activate(version);
    const outcome = after.state === State.Active ? 'activated' : 'scheduled';
    return { requestId, version, outcome };
  }
}

/** The draft version a change request names in its params. */
function draftOf(request: Request): number | null {
  const version = request.params.version;
  return typeof version === 'number' && Number.isSafeInteger(version) ? version : null;
}
