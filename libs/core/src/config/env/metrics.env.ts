import { z } from 'zod';

/** Where Prometheus scrapes the engine's metrics, and how fresh they are. */
export const METRICS_ENV = {
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(9464)
    .describe(
      'Port of the metrics listener (`GET /metrics`, Prometheus text), apart from the API, which ' +
        'does not serve them. `0`: a free port.',
    ),
  METRICS_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe(
      'Address the metrics listener binds: loopback by default, so only the machine itself ' +
        'scrapes. Bind a wider address only with `METRICS_TOKEN` set, or on a private network.',
    ),
  METRICS_TOKEN: z
    .string()
    .min(32, { message: 'must be at least 32 characters long' })
    .optional()
    .describe(
      'When set, a scrape must carry `Authorization: Bearer <METRICS_TOKEN>`, or it is answered ' +
        '401; a secret, never logged. Unset: the listener answers whoever reaches it.',
    ),
  METRICS_REFRESH_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(15)
    .describe(
      'Seconds between two refreshes of the gauges read from the database and Redis (requests ' +
        'by state, deliveries by status, queue depths); a scrape reads the last values, never ' +
        'the database.',
    ),
};
