import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { concatMap, Observable } from 'rxjs';
import { ReadReplica, readerOf } from '@app/core';
import { AuthenticatedRequest } from '../auth/authenticated-request';

/** The methods that may write; a GET, HEAD or OPTIONS never does. */
const WRITING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * With a read replica: once an authenticated caller's write has answered, notes where the primary's
 * WAL stood, before the answer leaves, so that the caller's next list and inbox reads wait for the
 * replica to have replayed it (ReadReplica). Registered only when `DATABASE_REPLICA_URL` is set.
 */
@Injectable()
export class OwnWritesInterceptor implements NestInterceptor {
  constructor(private readonly replica: ReadReplica) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = req.principal;
    if (!principal || !WRITING_METHODS.has(req.method)) return next.handle();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await this.replica.noteWrite(readerOf(principal));
        return body;
      }),
    );
  }
}
