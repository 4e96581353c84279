import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  AppConfig,
  assignRequestId,
  CommonErrorCode,
  CommonException,
  FieldProblem,
} from '@app/core';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { openApiDocument } from './openapi/openapi-document';
import { answerClientErrorsInJson } from './client-error.handler';
import { corsFor } from './http-edge/cors';
import { RouteTable } from './http-edge/route-table';
import { consolePages } from './console/console-pages';

/**
 * Everything an HTTP application needs besides its modules, shared by `main.ts` and the e2e tests
 * so that tests exercise exactly what runs in production.
 */
export function configureHttpApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const { env } = app.get(AppConfig);
  // Before anything that may answer: the docs and the queue dashboard are plain Express routes.
  // Body parsing and the other checks of the API's routes are HttpEdgeMiddleware's (ApiModule).
  app.use(assignRequestId);
  app.use(corsFor(env.CORS_ORIGINS));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.set('etag', false); // ETags are the requests' versions, set where they are meant
  answerClientErrorsInJson(app.getHttpServer());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => toValidationException(errors),
    }),
  );
  app.enableShutdownHooks();
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  mountQueueDashboard(app);
  // Last of the plain Express handlers: the docs and the dashboard keep their paths.
  app.use(consolePages(app.get(RouteTable)));
  return app;
}

function toValidationException(errors: ValidationError[]): CommonException {
  return new CommonException(CommonErrorCode.ValidationFailed, { fields: fieldProblems(errors) });
}

/** One problem per field and broken rule, nested fields named with dots (`subscription.plan`). */
function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}
