import { z } from 'zod';
import { urlWithScheme } from './env-types';

/** Comma-separated values, as an environment variable spells a list. */
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** The longest principal cache a deployment may keep: what bounds a revoked credential's life. */
export const AUTH_CACHE_TTL_MAX_MS = 1_000;
/** Tests may keep principals longer, to show invalidation travels by Redis and not by expiry. */
const AUTH_CACHE_TTL_TEST_MAX_MS = 600_000;

/** How people and machines sign in: sessions, OpenID Connect, emailed links and step-up. */
export const SIGN_IN_ENV = {
  OIDC_ISSUER: urlWithScheme(['https', 'http'])
    .optional()
    .describe(
      'Issuer URL of the OpenID Connect identity provider (Keycloak realm, Entra ID tenant, Okta, ' +
        'Auth0). Set: people may sign in with SSO at `/auth/login`, and its JWT access tokens are ' +
        'accepted as bearer tokens. `http://` is for a provider on the same machine only.',
    ),
  OIDC_CLIENT_ID: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe("The engine's client id at the identity provider; required with `OIDC_ISSUER`."),
  OIDC_CLIENT_SECRET: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The engine's client secret at the identity provider (a confidential client); a secret, " +
        'never logged. Unset: a public client with PKCE only.',
    ),
  OIDC_AUDIENCE: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The audience the identity provider's access tokens must name in `aud` to be accepted as " +
        'bearer tokens. Default: `OIDC_CLIENT_ID`.',
    ),
  OIDC_STEP_UP_ACR: commaList
    .optional()
    .describe(
      'Comma-separated `acr` values that count as multi-factor. Set: approve, reject and ' +
        'waive-consultation need a sign-in with one of them (or `amr` with `mfa`), by API, console ' +
        'and email link alike; otherwise `401 STEP_UP_REQUIRED` (RFC 9470).',
    ),
  OIDC_CLOCK_TOLERANCE_S: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(30)
    .describe(
      'Seconds of clock difference allowed when checking `exp`, `nbf` and `iat` of tokens.',
    ),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_080)
    .default(60)
    .describe('A session unused this long ends; each use starts the count again.'),
  AUTH_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(AUTH_CACHE_TTL_TEST_MAX_MS)
    .default(1_000)
    .describe(
      'How long each API process keeps who a token, session or identity provider subject stands ' +
        'for, instead of reading it from the database on every call (ms). A revocation, sign-out, ' +
        'deactivation or role change clears it in every process at once through Redis; this bounds ' +
        'how long a lost message could leave one stale. At most `1000`, so a revoked credential ' +
        'stops working everywhere within a second (longer only with `NODE_ENV=test`); `0`: no cache.',
    ),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_160)
    .default(12)
    .describe('A session ends this long after its sign-in, however much it is used.'),
  SIGN_IN_LINK_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(5)
    .describe(
      'Sign-in links one address may be sent per hour; further requests are answered the same ' +
        '202 but send nothing.',
    ),
};
