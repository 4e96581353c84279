import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { REDACTED_PATHS } from './redaction';
import { requestId } from './request-id';
import { markStarted, requestLogLevel } from './request-log-policy';
import { withoutUrlSecrets } from './url-secrets';

/** Structured JSON logs with a request id on every line; pretty-printed for people in development. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.env.LOG_LEVEL,
          genReqId: (req, res) => {
            markStarted(req);
            return requestId(req, res);
          },
          customLogLevel: requestLogLevel(config.env.LOG_REQUESTS),
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: { req: withoutUrlSecrets },
          customProps: () => ({ service: 'raci-engine' }),
          autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          transport:
            config.logFormat === 'pretty'
              ? {
                  target: 'pino-pretty',
                  options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
                }
              : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
