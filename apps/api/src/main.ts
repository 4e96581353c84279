import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadCatalog } from '@app/catalog';
import {
  announce,
  enforceShutdownDeadline,
  exitOnStartupProblem,
  flushLogs,
  preflight,
} from '@app/core';
import { ApiModule } from './api.module';
import { configureHttpApp } from './http-app';
import { listeningLine } from './listening-line';

async function bootstrap(): Promise<void> {
  const config = await preflight();
  const catalog = loadCatalog(config.env.RACI_DIR);
  const withWorker = process.argv.includes('--with-worker');
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot({ config, catalog, withWorker }),
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    },
  );
  configureHttpApp(app);
  enforceShutdownDeadline();
  await app.listen(config.env.PORT, config.env.HOST);
  await flushLogs();
  announce(listeningLine(config, app.getHttpServer().address()));
}

bootstrap().catch(exitOnStartupProblem);
