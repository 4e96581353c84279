import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter, QueueName } from '@app/core';
import { AccessPolicy, PartiesErrorCode, PartiesException } from '@app/parties';
import { RequestAuthenticator } from '../auth/request-authenticator.service';

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
    providerAdminsOnly(app.get(RequestAuthenticator)),
    board.getRouter(),
  );
}

function providerAdminsOnly(authenticator: RequestAuthenticator) {
  const errors = new AllExceptionsFilter();
  return (req: Request, res: Response, next: NextFunction): void => {
    authenticator
      .authenticate(req, res)
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
