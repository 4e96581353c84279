import 'reflect-metadata';
import { DynamicModule, INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { loadCatalog } from '@app/catalog';
import { AppConfig, assignRequestId, CommonErrorCode, CommonException, preflight } from '@app/core';
import { ApiModule } from '../../apps/api/src/api.module';
import { bodyParsing } from '../../apps/api/src/body-parsing';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { corsFor } from '../../apps/api/src/http-edge/cors';

/**
 * One API process of the adapter comparison, built from `dist/` like the engine itself:
 *
 * - `express-full`: the engine exactly as `main.ts` starts it (the reference).
 * - `express` and `fastify`: the same modules, controllers, global guard, filter, interceptors,
 *   validation pipe, logger, request ids, CORS and helmet, on either adapter, without what only
 *   Express can run today: HttpEdgeMiddleware (405/406, authentication before the body is read,
 *   the engine's body parser), the HTTP metrics middleware, the docs, the queue dashboard and the
 *   console pages. Bodies are read by the adapter's own parser with the same 64 KiB limit; the
 *   guard authenticates every route, as it does for any route the middleware left alone.
 *
 * The adapter is the first argument; the port is `PORT`.
 */
type Variant = 'express-full' | 'express' | 'fastify';

const BODY_LIMIT_BYTES = 64 * 1024;

/** ApiModule without its `configure` (the Express-only edge and metrics middleware). */
@Module({})
class EdgelessApiModule {
  static from(api: DynamicModule): DynamicModule {
    const { imports, controllers, providers } = api;
    return { module: EdgelessApiModule, imports, controllers, providers };
  }
}

async function bootstrap(variant: Variant): Promise<void> {
  const config = await preflight();
  const catalog = loadCatalog(config.env.RACI_DIR);
  const api = ApiModule.forRoot({ config, catalog });
  const options = { bufferLogs: true, abortOnError: false };
  let app: INestApplication;
  if (variant === 'express-full') {
    const express = await NestFactory.create<NestExpressApplication>(api, {
      ...options,
      bodyParser: false,
    });
    app = configureHttpApp(express);
  } else if (variant === 'express') {
    const express = await NestFactory.create<NestExpressApplication>(EdgelessApiModule.from(api), {
      ...options,
      bodyParser: false,
    });
    express.set('trust proxy', config.env.TRUST_PROXY);
    express.disable('x-powered-by');
    express.set('etag', false);
    app = configureCommon(express, config);
    app.use(bodyParsing());
  } else {
    const adapter = new FastifyAdapter({
      bodyLimit: BODY_LIMIT_BYTES,
      trustProxy: trustedProxies(config.env.TRUST_PROXY),
    });
    const fastify = await NestFactory.create<NestFastifyApplication>(
      EdgelessApiModule.from(api),
      adapter,
      options,
    );
    speakExpress(fastify.getHttpAdapter().getInstance());
    app = configureCommon(fastify, config);
  }
  app.enableShutdownHooks();
  await app.listen(config.env.PORT, config.env.HOST);
  process.stdout.write(`adapter ${variant} listening\n`);
}

/** Express's `trust proxy` setting as Fastify takes it: a number of hops becomes a function. */
function trustedProxies(setting: string | number | boolean) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** What both edgeless variants share with `configureHttpApp`. */
function configureCommon(app: INestApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.use(assignRequestId);
  app.use(corsFor(config.env.CORS_ORIGINS));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: () => new CommonException(CommonErrorCode.ValidationFailed),
    }),
  );
  return app;
}

/**
 * The few Express request and response methods the guard, the interceptors and the exception
 * filter call, on Fastify's request and reply: the least needed to serve the same routes.
 */
function speakExpress(fastify: FastifyInstance): void {
  fastify.decorateRequest('header', function (this: FastifyRequest, name: string) {
    return this.headers[name.toLowerCase()];
  });
  fastify.decorateRequest('path', {
    getter(this: FastifyRequest) {
      return this.url.split('?')[0];
    },
  });
  fastify.decorateReply('setHeader', function (this: FastifyReply, name: string, value: string) {
    return this.header(name, value);
  });
  fastify.decorateReply('set', function (this: FastifyReply, headers: Record<string, string>) {
    return this.headers(headers);
  });
  fastify.decorateReply('json', function (this: FastifyReply, body: unknown) {
    return this.send(body);
  });
  fastify.decorateReply('headersSent', {
    getter(this: FastifyReply) {
      return this.sent || this.raw.headersSent;
    },
  });
}

const variant = process.argv[2] as Variant;
if (!['express-full', 'express', 'fastify'].includes(variant)) {
  process.stderr.write('usage: adapter-server express-full|express|fastify\n');
  process.exit(2);
}
bootstrap(variant).catch((error: unknown) => {
  process.stderr.write(`adapter ${variant} failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
