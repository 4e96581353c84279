import {
  BadRequestException,
  INestApplication,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig, CommonException } from '@app/core';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { bodyParsing } from './body-parsing';
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
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('raci-engine')
      .setDescription(
        'Requests for managed-cloud actions, routed and gated by the provider’s RACI matrix.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  mountQueueDashboard(app);
  return app;
}

function toValidationException(errors: ValidationError[]): BadRequestException | CommonException {
  const fields = flatten(errors);
  return CommonException.validation(
    fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; '),
    { fields },
  );
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
