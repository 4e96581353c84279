import { INestApplication, ValidationError, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, CommonErrorCode, CommonException, FieldProblem } from '@app/core';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { bodyParsing } from './body-parsing';
import { openApiDocument } from './openapi/openapi-document';
import { answerClientErrorsInJson } from './client-error.handler';

/**
 * Everything an HTTP application needs besides its modules, shared by `main.ts` and the e2e tests
 * so that tests exercise exactly what runs in production.
 */
export function configureHttpApp(app: NestExpressApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.use(...bodyParsing());
  app.use(helmet({ contentSecurityPolicy: false }));
  app.set('trust proxy', app.get(AppConfig).env.TRUST_PROXY);
  app.disable('x-powered-by');
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
