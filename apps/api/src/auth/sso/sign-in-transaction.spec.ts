import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';
import {
  SignInTransaction,
  SignInTransactions,
  TRANSACTION_COOKIE,
  TRANSACTION_TTL_S,
} from './sign-in-transaction';

const TRANSACTION: SignInTransaction = {
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  returnTo: '/requests?mine=1',
  acr: null,
};

const config = (env: Record<string, string> = {}) =>
  AppConfig.fromEnv({ LINK_SECRET: 'a'.repeat(32), ...env });

describe('SignInTransactions', () => {
  const transactions = new SignInTransactions(config());
  const now = Date.UTC(2026, 10, 30, 6, 0, 0);

  it('opens what it sealed, within 10 minutes', () => {
    const sealed = transactions.seal({ ...TRANSACTION, acr: 'urn:raci:loa:mfa' }, now);
    expect(transactions.open(sealed, now + (TRANSACTION_TTL_S - 1) * 1000)).toEqual({
      ...TRANSACTION,
      acr: 'urn:raci:loa:mfa',
    });
  });

  it('is good in every process sharing LINK_SECRET, and in no other', () => {
    const sealed = transactions.seal(TRANSACTION, now);
    expect(new SignInTransactions(config()).open(sealed, now)).toEqual(TRANSACTION);
    const other = new SignInTransactions(config({ LINK_SECRET: 'b'.repeat(32) }));
    expect(other.open(sealed, now)).toBeNull();
  });

  it('refuses an expired transaction', () => {
    const sealed = transactions.seal(TRANSACTION, now);
    expect(transactions.open(sealed, now + TRANSACTION_TTL_S * 1000)).toBeNull();
  });

  it('refuses a transaction whose content or signature was altered', () => {
    const [payload, signature] = transactions.seal(TRANSACTION, now).split('.');
    const altered = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...altered, returnTo: '/admin' })).toString(
      'base64url',
    );
    expect(transactions.open(`${forged}.${signature}`, now)).toBeNull();
    const flipped = signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(transactions.open(`${payload}.${flipped}`, now)).toBeNull();
    expect(transactions.open(`${payload}.${signature}.x`, now)).toBeNull();
    expect(transactions.open(payload, now)).toBeNull();
    expect(transactions.open(undefined, now)).toBeNull();
  });

  it('refuses a well-signed value that is not a whole transaction', () => {
    const signer = transactions as unknown as { sign(payload: string): string };
    const signed = (value: unknown) => {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${payload}.${signer.sign(payload)}`;
    };
    const exp = Math.floor(now / 1000) + 60;
    expect(transactions.open(signed({ ...TRANSACTION, exp }), now)).toEqual(TRANSACTION);
    expect(transactions.open(signed({ ...TRANSACTION, exp, nonce: undefined }), now)).toBeNull();
    expect(transactions.open(signed({ ...TRANSACTION, exp: String(exp) }), now)).toBeNull();
    expect(transactions.open(signed(null), now)).toBeNull();
    const notJson = Buffer.from('{').toString('base64url');
    expect(transactions.open(`${notJson}.${signer.sign(notJson)}`, now)).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Lax cookie on /auth, Secure over https, and clears it', () => {
    const headers: string[] = [];
    const res = {
      append: (_: string, value: string) => headers.push(value),
    } as unknown as Response;
    new SignInTransactions(config({ PUBLIC_URL: 'https://raci.example' })).begin(res, TRANSACTION);
    expect(headers[0]).toMatch(new RegExp(`^${TRANSACTION_COOKIE}=[\\w-]+\\.[\\w-]+;`));
    expect(headers[0]).toContain('Max-Age=600');
    expect(headers[0]).toContain('Path=/auth');
    expect(headers[0]).toContain('HttpOnly');
    expect(headers[0]).toContain('SameSite=Lax');
    expect(headers[0]).toContain('Secure');
    transactions.clear(res);
    expect(headers[1]).toMatch(new RegExp(`^${TRANSACTION_COOKIE}=;.*Max-Age=0`));
    expect(headers[1]).not.toContain('Secure');
  });

  it('reads the transaction of a request among its other cookies', () => {
    const value = transactions.seal(TRANSACTION);
    const req = {
      headers: { cookie: `raci_session=abc; ${TRANSACTION_COOKIE}=${value}; theme=dark` },
    } as Request;
    expect(transactions.of(req)).toEqual(TRANSACTION);
    expect(transactions.of({ headers: {} } as Request)).toBeNull();
  });
});
