import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';

/** The session cookie's name. */
export const SESSION_COOKIE = 'raci_session';

/** The session token a request carries in its `raci_session` cookie, if any. */
export function sessionCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookie(header)[SESSION_COOKIE] || undefined : undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries
 * it), Secure whenever PUBLIC_URL is https, and gone at the session's absolute end.
 */
export function setSessionCookie(
  res: Response,
  config: AppConfig,
  token: string,
  expiresAt: Date,
): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: token,
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      expires: expiresAt,
    }),
  );
}

/** Tells the browser to forget the session cookie (sign-out, or a session that no longer works). */
export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: '',
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      expires: new Date(0),
    }),
  );
}
