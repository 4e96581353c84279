import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter, QueueName } from '@app/core';
import { AccessPolicy, PartiesErrorCode, PartiesException, TokensService } from '@app/parties';
import { AuthFailureLimiter } from '../auth/auth-failure-limiter.service';
import { bearerToken } from '../auth/bearer-token';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board for the provider's admins, behind the same bearer tokens as the API. It is plain
 * Express, outside Nest's guards, so it checks the token itself.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))),
    ),
    serverAdapter: board,
  });
  app.use(
    QUEUE_DASHBOARD_PATH,
    providerAdminsOnly(app.get(TokensService), app.get(AuthFailureLimiter)),
    board.getRouter(),
  );
}

function providerAdminsOnly(tokens: TokensService, limiter: AuthFailureLimiter) {
  const errors = new AllExceptionsFilter();
  const authenticate = async (req: Request, res: Response) => {
    limiter.assertAllowed(req.ip, res);
    const bearer = bearerToken(req.headers.authorization);
    const principal = bearer ? await tokens.authenticate(bearer) : null;
    if (principal) return principal;
    const tooMany = req.headers.authorization
      ? await limiter.recordFailure(req.ip, res)
      : undefined;
    throw tooMany ?? new PartiesException(PartiesErrorCode.Unauthenticated);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticate(req, res)
      .then((principal) => {
        if (!AccessPolicy.isProviderAdmin(principal))
          throw new PartiesException(PartiesErrorCode.AdminRequired);
        next();
      })
      .catch((error: unknown) => {
        const body = errors.toBody(error, String((req as Request & { id?: string }).id ?? ''));
        res.status(body.statusCode).json(body);
      });
  };
}
