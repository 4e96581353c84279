import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/core';

/** The cookie that carries a sign-in waiting for a choice of account to `/auth/choose`. */
export const CHOICE_COOKIE = 'raci_choice';
/** Only the chooser's routes ever receive it. */
const COOKIE_PATH = '/auth/choose';

/** The choice token a request carries, if any. */
export function choiceCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookie(header)[CHOICE_COOKIE] || undefined : undefined;
}

/**
 * Sets the choice cookie: HttpOnly, SameSite=Lax (no other site's POST carries it), Secure under
 * https, scoped to `/auth/choose`, and gone when the choice ends. `expiresAt` in the past clears it.
 */
export function setChoiceCookie(
  res: Response,
  config: AppConfig,
  token: string,
  expiresAt: Date,
): void {
  res.append(
    'Set-Cookie',
    stringifySetCookie({
      name: CHOICE_COOKIE,
      value: token,
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      expires: expiresAt,
    }),
  );
}

/** Tells the browser to forget the choice cookie: the choice was made, or cannot be. */
export function clearChoiceCookie(res: Response, config: AppConfig): void {
  setChoiceCookie(res, config, '', new Date(0));
}
