import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadCatalog } from '@app/catalog';
import {
  announce,
  enforceShutdownDeadline,
  exitOnStartupProblem,
  flushLogs,
  maskUrl,
  preflight,
} from '@app/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = await preflight();
  const catalog = loadCatalog(config.env.RACI_DIR);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, catalog), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  enforceShutdownDeadline();
  await app.init();
  app.get(Logger).log('worker started');
  await flushLogs();
  announce(`worker started (no HTTP), queues in Redis at ${maskUrl(config.env.REDIS_URL)}`);
}

bootstrap().catch(exitOnStartupProblem);
