import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { importJWK, JWK, JWTPayload, SignJWT } from 'jose';
import { freePort } from '../throwaway-redis';

/** The password of an account given without one. */
export const TEST_PASSWORD = 'correct horse battery staple';
/** The one-time code the provider accepts: with it a sign-in is multi-factor. */
export const TEST_ONE_TIME_CODE = '246810';
/** `acr` of a sign-in by password alone (`amr: ['pwd']`) and with the one-time code too (`amr: ['pwd', 'otp', 'mfa']`). */
export const ACR_PASSWORD = 'urn:raci:loa:pwd';
export const ACR_MFA = 'urn:raci:loa:mfa';

/** Someone who can sign in at the provider; `sub` is the subject of their tokens. */
export interface TestAccount {
  sub: string;
  email: string;
  /** Defaults to true. */
  emailVerified?: boolean;
  /** Defaults to the email's local part. */
  name?: string;
  /** Defaults to TEST_PASSWORD. */
  password?: string;
}

export interface IdentityProviderOptions {
  accounts?: TestAccount[];
  /** Where the web client may be sent back after sign-in and sign-out. */
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  /** The engine's resource indicator (an absolute URI); the default is `urn:raci:engine`. */
  resource?: string;
  /** The `aud` of access tokens for that resource; the default is the resource itself. */
  audience?: string;
  /** Seconds; 300 unless given. */
  accessTokenTtl?: number;
  idTokenTtl?: number;
  /** How the web client authenticates at the token endpoint; client_secret_basic unless given. */
  webClientAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface MintOptions {
  /** Sign with the provider's current key, or with a stranger's key under the same `kid`. */
  key?: 'provider' | 'stranger';
  /** Seconds from now to `exp`; negative for a token already expired. 300 unless given. */
  expiresIn?: number;
  /** Seconds from now to `nbf`, when set. */
  notBefore?: number;
  /** The JOSE `typ`; `at+jwt` unless given. */
  typ?: string;
}

type PrivateJwk = JWK & { kid: string };

/** Every provider still running, so none outlives the test process. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

const SCRIPT = join(__dirname, 'identity-provider.server.mjs');

function rsaSigningKey(kid: string = randomUUID()): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, use: 'sig', alg: 'RS256' };
}

const secret = () => randomBytes(24).toString('base64url');

/**
 * A real OpenID Connect provider in a child process, on a free loopback port: a confidential web
 * client (authorization code with PKCE), a service client (client credentials), JWT access tokens
 * for the engine's resource, and the sign-in page of provider-pages.mjs.
 */
export class TestIdentityProvider {
  readonly webClient: ClientCredentials = { clientId: 'raci-engine-web', clientSecret: secret() };
  readonly serviceClient: ClientCredentials = { clientId: 'raci-service', clientSecret: secret() };
  readonly resource: string;
  readonly audience: string;
  private readonly accounts = new Map<string, TestAccount>();
  private readonly adminToken = secret();
  private keys: PrivateJwk[] = [rsaSigningKey()];
  private child?: ChildProcess;
  private strangerKey?: PrivateJwk;

  private constructor(
    readonly port: number,
    private readonly options: IdentityProviderOptions,
  ) {
    this.resource = options.resource ?? 'urn:raci:engine';
    this.audience = options.audience ?? this.resource;
    for (const account of options.accounts ?? []) this.accounts.set(account.sub, account);
  }

  static async start(options: IdentityProviderOptions = {}): Promise<TestIdentityProvider> {
    const provider = new TestIdentityProvider(await freePort(), options);
    await provider.spawn();
    return provider;
  }

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get jwksUri(): string {
    return `${this.issuer}/jwks`;
  }

  /** The `kid` tokens are signed with now. */
  get currentKid(): string {
    return this.keys[0].kid;
  }

  /** Adds (or replaces, by sub) an account, at once and for any later restart. */
  async addAccount(account: TestAccount): Promise<void> {
    const response = await fetch(`${this.issuer}/test-admin/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-admin': this.adminToken },
      body: JSON.stringify(account),
    });
    if (response.status !== 204) throw new Error(`adding an account: HTTP ${response.status}`);
    this.accounts.set(account.sub, account);
  }

  /** A service client's access token from the real token endpoint (a JWT for the engine's resource). */
  async clientCredentialsToken(
    input: { resource?: string; scope?: string; client?: ClientCredentials } = {},
  ): Promise<string> {
    const { clientId, clientSecret } = input.client ?? this.serviceClient;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    body.set('resource', input.resource ?? this.resource);
    if (input.scope) body.set('scope', input.scope);
    const basic = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
    ).toString('base64');
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      body,
    });
    const json = (await response.json()) as { access_token?: string; error?: string };
    if (!response.ok || !json.access_token) {
      throw new Error(`client credentials: HTTP ${response.status} ${JSON.stringify(json)}`);
    }
    return json.access_token;
  }

  /**
   * Signs any access token, as the provider would (its key, `typ: at+jwt`), or as an impostor would
   * (a stranger's key under the provider's `kid`). Defaults: iss, aud (the engine's), iat, exp (+5
   * min), jti; `claims` override them, and an `undefined` value removes one.
   */
  async mintAccessToken(claims: JWTPayload, options: MintOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = Object.fromEntries(
      Object.entries({
        iss: this.issuer,
        aud: this.audience,
        iat: now,
        exp: now + (options.expiresIn ?? 300),
        nbf: options.notBefore === undefined ? undefined : now + options.notBefore,
        jti: randomUUID(),
        ...claims,
      }).filter(([, value]) => value !== undefined),
    );
    const jwk =
      options.key === 'stranger'
        ? (this.strangerKey ??= rsaSigningKey(this.currentKid))
        : this.keys[0];
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.currentKid, typ: options.typ ?? 'at+jwt' })
      .sign(await importJWK(jwk, 'RS256'));
  }

  /**
   * Restarts the provider on the same port with a new signing key first in its JWKS. With
   * `keepOld` (the default) the previous keys stay published, so tokens already issued still
   * verify; without it they are gone and such tokens fail. Sessions, grants and issued opaque
   * tokens do not survive a restart (the provider keeps them in memory); accounts do.
   */
  async rotateKeys({ keepOld = true }: { keepOld?: boolean } = {}): Promise<void> {
    this.keys = [rsaSigningKey(), ...(keepOld ? this.keys : [])];
    this.strangerKey = undefined;
    await this.stop();
    await this.spawn();
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    running.delete(child);
  }

  private async spawn(): Promise<void> {
    const config = {
      port: this.port,
      jwks: { keys: this.keys },
      resource: this.resource,
      audience: this.audience,
      accessTokenTtl: this.options.accessTokenTtl ?? 300,
      idTokenTtl: this.options.idTokenTtl ?? 3600,
      defaultPassword: TEST_PASSWORD,
      oneTimeCode: TEST_ONE_TIME_CODE,
      adminToken: this.adminToken,
      accounts: [...this.accounts.values()],
      webClient: {
        ...this.webClient,
        redirectUris: this.options.redirectUris ?? [`${this.issuer}/unused-callback`],
        postLogoutRedirectUris: this.options.postLogoutRedirectUris ?? [],
        tokenEndpointAuthMethod: this.options.webClientAuthMethod ?? 'client_secret_basic',
      },
      serviceClient: this.serviceClient,
    };
    const child = spawn(process.execPath, [SCRIPT], {
      env: { ...process.env, IDENTITY_PROVIDER_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail('did not start within 30 s'), 30_000);
      const lines = createInterface({ input: child.stdout });
      function fail(why: string) {
        clearTimeout(timer);
        lines.close();
        child.kill('SIGKILL');
        reject(new Error(`identity provider ${why}\n${stderr}`));
      }
      child.once('exit', (code) => fail(`exited with ${code}`));
      lines.once('line', (line) => {
        clearTimeout(timer);
        lines.close();
        child.removeAllListeners('exit');
        child.once('exit', () => running.delete(child));
        const ready = JSON.parse(line) as { ready?: boolean; issuer?: string };
        if (ready.ready && ready.issuer === this.issuer) resolve();
        else fail(`said ${line}`);
      });
    });
    this.child = child;
  }
}

/** Starts a provider; `stop()` it in afterAll (it is killed anyway when the test process exits). */
export function startIdentityProvider(
  options: IdentityProviderOptions = {},
): Promise<TestIdentityProvider> {
  return TestIdentityProvider.start(options);
}
