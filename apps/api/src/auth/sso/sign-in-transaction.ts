import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import { AppConfig, linkSecret } from '@app/core';

/** The cookie that carries a sign-in from `/auth/login` to `/auth/callback`. */
export const TRANSACTION_COOKIE = 'raci_sign_in';
/** What the cookie's key is derived from `LINK_SECRET` for, so no other signature can pass. */
const PURPOSE = 'raci-engine sign-in transaction v1';
/** How long a person has to sign in at the provider and come back. */
export const TRANSACTION_TTL_S = 10 * 60;
const COOKIE_PATH = '/auth';

/** What `/auth/login` started and `/auth/callback` checks the provider's answer against. */
export interface SignInTransaction {
  state: string;
  nonce: string;
  /** The PKCE code verifier; only its S256 challenge went to the provider. */
  codeVerifier: string;
  /** Where to send the person once signed in: a path of this site. */
  returnTo: string;
  /** The step-up `acr` asked for, if any (then `max_age=0` was asked too). */
  acr: string | null;
}

interface Sealed extends SignInTransaction {
  /** When the transaction ends, seconds since the epoch. */
  exp: number;
}

/**
 * The sign-in under way, kept in the person's browser and nowhere else: a cookie holding the
 * transaction as base64url JSON and an HMAC-SHA256 of it under a key derived from `LINK_SECRET`.
 * So any API process can finish a sign-in another began, and nothing is stored for sign-ins that
 * are never finished. HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET, which
 * carries it), scoped to `/auth`, Secure with an https PUBLIC_URL, and good for 10 minutes; it is
 * cleared once used, whatever the outcome.
 */
@Injectable()
export class SignInTransactions {
  private readonly logger = new Logger(SignInTransactions.name);
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    const secret = linkSecret(
      config,
      config.env.OIDC_ISSUER ? this.logger : undefined,
      'a sign-in must end in the process that began it',
    );
    this.key = createHmac('sha256', secret).update(PURPOSE).digest();
  }

  /** The cookie's value for `transaction`, good until `now` + 10 minutes. */
  seal(transaction: SignInTransaction, now = Date.now()): string {
    const sealed: Sealed = { ...transaction, exp: Math.floor(now / 1000) + TRANSACTION_TTL_S };
    const payload = Buffer.from(JSON.stringify(sealed)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The transaction of a cookie value, or null if it is forged, altered, malformed or expired. */
  open(value: string | undefined, now = Date.now()): SignInTransaction | null {
    const [payload, signature, ...rest] = value?.split('.') ?? [];
    if (!payload || !signature || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const sealed = parse(payload);
    if (!sealed || sealed.exp * 1000 <= now) return null;
    const { state, nonce, codeVerifier, returnTo, acr } = sealed;
    return { state, nonce, codeVerifier, returnTo, acr };
  }

  /** Starts a transaction: sets its cookie on the response. */
  begin(res: Response, transaction: SignInTransaction): void {
    this.setCookie(res, this.seal(transaction), TRANSACTION_TTL_S);
  }

  /** The request's transaction, if its cookie is there and good. */
  of(req: Request): SignInTransaction | null {
    const header = req.headers.cookie;
    return this.open(header ? parseCookie(header)[TRANSACTION_COOKIE] : undefined);
  }

  /** Ends the transaction: the browser forgets the cookie. */
  clear(res: Response): void {
    this.setCookie(res, '', 0);
  }

  private setCookie(res: Response, value: string, maxAge: number): void {
    res.append(
      'Set-Cookie',
      stringifySetCookie({
        name: TRANSACTION_COOKIE,
        value,
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.secureCookies,
        maxAge,
      }),
    );
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The sealed transaction of a payload whose signature held, if it has every field. */
function parse(payload: string): Sealed | null {
  let value: Partial<Record<keyof Sealed, unknown>>;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof value;
  } catch {
    return null;
  }
  const { state, nonce, codeVerifier, returnTo, acr, exp } = value ?? {};
  const complete =
    isString(state) &&
    isString(nonce) &&
    isString(codeVerifier) &&
    isString(returnTo) &&
    (acr === null || isString(acr)) &&
    typeof exp === 'number';
  return complete ? (value as Sealed) : null;
}
