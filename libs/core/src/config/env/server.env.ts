import { z } from 'zod';
import { booleanFlag, urlWithScheme } from './env-types';

/** Where and how the API runs, and what it logs. */
export const SERVER_ENV = {
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe(
      'Picks the default `LOG_FORMAT` (`pretty` in `development`, else `json`); `production` ' +
        'also leaves the embedded default: `ADMIN_TOKEN`, `LINK_SECRET`, `SECRETS_KEY`, `AUDIT_KEY` and ' +
        '`AUDIT_SIGNING_KEY` are required and no ' +
        'local Redis is started.',
    ),
  HOST: z.string().min(1).default('0.0.0.0').describe('Address the API listens on.'),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('Port the API listens on; the default `PUBLIC_URL` uses it too.'),
  PUBLIC_URL: urlWithScheme(['http', 'https'])
    .optional()
    .describe(
      'Where people reach the API; the approve/reject and unsubscribe links in emails start ' +
        'with it (mail programs offer one-click unsubscribe only for `https`). Unset: ' +
        '`http://localhost:$PORT`.',
    ),
  TRUST_PROXY: z
    .string()
    .min(1)
    .default('false')
    .transform((value): boolean | number | string =>
      /^\d+$/.test(value)
        ? Number(value)
        : value === 'false'
          ? false
          : value === 'true'
            ? true
            : value,
    )
    .describe(
      "Whose `X-Forwarded-For` names the client IP (Express's `trust proxy`): `false` (nobody: " +
        'the socket address is the client), `loopback`, a hop count, or comma-separated ' +
        'addresses/CIDRs. Behind a load balancer, name it here, or every client looks like the ' +
        'balancer.',
    ),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .refine((origins) => origins.every(isWebOrigin), {
      message:
        'each origin is a scheme, host and optional port, such as https://portal.example.com ' +
        '(no path, no trailing slash, no wildcard)',
    })
    .describe(
      'Comma-separated browser origins allowed to call the API across origins (CORS), each ' +
        'exactly as the browser sends it, such as `https://portal.example.com`. Empty: CORS is ' +
        'off and browsers on other origins cannot read any response.',
    ),
  PROVIDER_NAME: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .default('Provider')
    .describe('Name of the one provider organization, created at first start.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('The lowest level logged.'),
  LOG_REQUESTS: z
    .string()
    .regex(/^(all|errors|sample:[1-9][0-9]{0,5})$/, {
      message: 'must be all, errors or sample:<n> (n from 1 to 999999)',
    })
    .default('all')
    .describe(
      'Which answered requests get a log line: `all`; `errors`, only failures (4xx, 5xx) and ' +
        'requests slower than 1 s; `sample:<n>`, those and one success in `n`. Request ids stay ' +
        'on every line written and on every answer.',
    ),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .optional()
    .describe(
      '`pretty` for people at a terminal, `json` (one line per entry, with a request id) for ' +
        'log collectors. Unset: `pretty` when `NODE_ENV` is `development`, else `json`. Secrets ' +
        'are redacted in both.',
    ),
  BENCH_NOOP_ROUTE: booleanFlag
    .default(false)
    .describe(
      'Mounts `POST /v1/bench/noop` (authenticated, does nothing), the framework-ceiling ' +
        'baseline of `npm run bench`; never in production.',
    ),
};

/** `scheme://host[:port]` as a browser's `Origin` header has it: no path, query or wildcard. */
function isWebOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === origin;
  } catch {
    return false;
  }
}
