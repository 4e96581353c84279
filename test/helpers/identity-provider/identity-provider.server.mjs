// A real OpenID Connect provider (oidc-provider, certified by the OpenID Foundation) for the
// end-to-end tests, run as a child process: jest never loads oidc-provider itself.
//
// Configuration: JSON in the IDENTITY_PROVIDER_CONFIG environment variable (see
// test-identity-provider.ts, which writes it). Once listening it prints one JSON line:
//   {"ready":true,"issuer":"http://127.0.0.1:PORT","jwks":{"keys":[…private keys…]}}
// Extra routes beside the provider's own:
//   GET|POST /interaction/:uid[/login]  the sign-in page (consent is granted without a page);
//   POST /test-admin/accounts           adds or replaces an account (header x-test-admin: token).
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors, interactionPolicy } from 'oidc-provider';
import { errorPage, loggedOutPage, loginPage, logoutPage } from './provider-pages.mjs';

const config = JSON.parse(process.env.IDENTITY_PROVIDER_CONFIG ?? '{}');
const issuer = `http://127.0.0.1:${config.port}`;
const ACR_PWD = 'urn:raci:loa:pwd';
const ACR_MFA = 'urn:raci:loa:mfa';

/** Accounts by sub; see TestAccount in test-identity-provider.ts. */
const accounts = new Map();
/** @param {{ sub: string, email: string, emailVerified?: boolean, name?: string, password?: string }} a */
function putAccount(a) {
  if (typeof a.sub !== 'string' || typeof a.email !== 'string') {
    throw new TypeError('an account needs a sub and an email');
  }
  accounts.set(a.sub, {
    sub: a.sub,
    email: a.email,
    emailVerified: a.emailVerified ?? true,
    name: a.name ?? a.email.split('@')[0],
    password: a.password ?? config.defaultPassword,
  });
}
(config.accounts ?? []).forEach(putAccount);

/** @param {string} email */
const accountByEmail = (email) =>
  [...accounts.values()].find((a) => a.email.toLowerCase() === email.trim().toLowerCase());

/** @param {string} a @param {string} b */
function sameSecret(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

function newSigningKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
}
const jwks = config.jwks ?? { keys: [newSigningKey()] };

// Step-up: a session signed in at a lower level than acr_values asks for signs in again.
const policy = interactionPolicy.base();
policy.get('login').checks.add(
  new interactionPolicy.Check(
    'acr_values_not_met',
    'the session does not meet acr_values',
    (ctx) => {
      const wanted = ctx.oidc.params.acr_values?.split(' ');
      return Boolean(wanted && ctx.oidc.session?.acr && !wanted.includes(ctx.oidc.session.acr));
    },
  ),
);

const seconds = (n) => () => n;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.webClient.clientId,
      client_secret: config.webClient.clientSecret,
      client_name: 'RACI engine',
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: config.webClient.redirectUris,
      post_logout_redirect_uris: config.webClient.postLogoutRedirectUris,
      token_endpoint_auth_method: config.webClient.tokenEndpointAuthMethod,
      require_auth_time: true,
    },
    {
      client_id: config.serviceClient.clientId,
      client_secret: config.serviceClient.clientSecret,
      client_name: 'RACI service account',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks,
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  scopes: ['openid', 'email', 'profile'],
  claims: {
    // How the user signed in is part of every ID token, not only when acr_values asked for it.
    openid: ['sub', 'acr', 'amr', 'auth_time', 'sid'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  acrValues: [ACR_PWD, ACR_MFA],
  // Scope claims in the ID token even though an access token for userinfo is issued as well.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    userinfo: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = logoutPage(ctx, form);
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = loggedOutPage();
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (_ctx, _client, oneOf) => oneOf ?? config.resource,
      useGrantedResource: async () => false,
      getResourceServerInfo: async (_ctx, indicator) => {
        if (indicator !== config.resource) throw new errors.InvalidTarget();
        return {
          scope: '',
          audience: config.audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: config.accessTokenTtl,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  // Access tokens of a sign-in carry how it happened, as the ID token does.
  extraTokenClaims: async (ctx) => {
    const source = ctx.oidc.entities.AuthorizationCode;
    if (!source) return undefined;
    return { acr: source.acr, amr: source.amr, auth_time: source.authTime };
  },
  findAccount: async (_ctx, sub) => {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        email: account.email,
        email_verified: account.emailVerified,
        name: account.name,
      }),
    };
  },
  interactions: { policy, url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: {
    AccessToken: seconds(config.accessTokenTtl),
    ClientCredentials: seconds(config.accessTokenTtl),
    AuthorizationCode: seconds(60),
    IdToken: seconds(config.idTokenTtl),
    Interaction: seconds(600),
    Session: seconds(3600),
    Grant: seconds(3600),
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = errorPage(out);
  },
});

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} html */
function sendHtml(res, status, html) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** First-party client: every consent prompt is answered yes, with no page. */
async function grantConsent(req, res, details) {
  const { prompt, params, session, grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  const missing = prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const client = await provider.Client.find(details.params.client_id);
  const show = (status, email, error) =>
    sendHtml(
      res,
      status,
      loginPage({
        uid,
        clientName: client?.clientName ?? String(details.params.client_id),
        email,
        error,
        acrValues: details.params.acr_values,
      }),
    );
  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'consent') return grantConsent(req, res, details);
    return show(200);
  }
  if (req.method !== 'POST' || action !== 'login' || details.prompt.name !== 'login') {
    return sendHtml(res, 400, errorPage({ error: 'invalid_request' }));
  }
  const form = new URLSearchParams(await readBody(req));
  const email = form.get('email') ?? '';
  const otp = (form.get('otp') ?? '').trim();
  const account = accountByEmail(email);
  if (!account || !sameSecret(form.get('password') ?? '', account.password)) {
    return show(200, email, 'Unknown email or wrong password.');
  }
  if (otp && !sameSecret(otp, config.oneTimeCode)) {
    return show(200, email, 'That one-time code is not valid.');
  }
  const login = otp
    ? { accountId: account.sub, acr: ACR_MFA, amr: ['pwd', 'otp', 'mfa'] }
    : { accountId: account.sub, acr: ACR_PWD, amr: ['pwd'] };
  return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

async function addAccount(req, res) {
  if (!sameSecret(req.headers['x-test-admin'] ?? '', config.adminToken)) {
    res.writeHead(401).end();
    return;
  }
  putAccount(JSON.parse(await readBody(req)));
  res.writeHead(204).end();
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', issuer);
  const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(pathname);
  const handled =
    pathname === '/test-admin/accounts' && req.method === 'POST'
      ? addAccount(req, res)
      : match
        ? interaction(req, res, match[1], match[2])
        : undefined;
  if (!handled) return callback(req, res);
  handled.catch((error) => {
    if (res.headersSent) return res.end();
    sendHtml(
      res,
      400,
      errorPage({ error: error.name ?? 'error', error_description: error.message }),
    );
  });
});

server.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, issuer, jwks })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    // Browsers and HTTP clients keep connections alive; a restart must not wait for them.
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
