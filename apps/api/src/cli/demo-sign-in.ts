import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The path of a sign-in link in a mail, once its quoted-printable line breaks are undone. */
const SIGN_IN_LINK = /\/auth\/email-link\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/;
const WAIT_MS = 30_000;
const POLL_MS = 250;

/** A stop with one line for the person who ran the demo. */
export class DemoProblem extends Error {}

/**
 * How the demo signs a person in, as the person would: it asks for the emailed sign-in link, reads
 * it from the mail the engine wrote under MAIL_DIR (`var/mail` without SMTP_URL, the default of
 * `npm start`), follows it for a session, and with that session mints the person's own token. Such
 * a token is personal: it decides. A token an admin minted for them would not.
 */
export class DemoSignIn {
  private readonly mailDir = process.env.MAIL_DIR || join('var', 'mail');

  constructor(private readonly url: string) {}

  /** A token `user` mints for themselves, signed in by the link mailed to them. */
  async personalToken(user: { id: string; email: string }): Promise<string> {
    const before = new Set(this.mails());
    await this.send('POST', '/auth/email-link', { body: { email: user.email } });
    const link = await this.linkMailedTo(user.email, before);
    const signedIn = await this.send('POST', link, { redirect: 'manual' });
    const cookie = signedIn.headers
      .getSetCookie()
      .find((value) => value.startsWith('raci_session='))
      ?.split(';')[0];
    if (signedIn.status !== 303 || !cookie) {
      throw new DemoProblem(
        `signing ${user.email} in: ${signedIn.status} ${await signedIn.text()}`,
      );
    }
    const me = (await (await this.send('GET', '/v1/me', { cookie })).json()) as {
      csrfToken: string;
    };
    const minted = await this.send('POST', `/v1/users/${user.id}/tokens`, {
      cookie,
      csrfToken: me.csrfToken,
    });
    return ((await minted.json()) as { token: string }).token;
  }

  private async linkMailedTo(email: string, before: Set<string>): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      for (const file of this.mails().filter((name) => !before.has(name) && name.includes(email))) {
        const text = readFileSync(join(this.mailDir, file), 'utf8').replace(/=\r?\n/g, '');
        const link = SIGN_IN_LINK.exec(text)?.[0];
        if (link) return link;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new DemoProblem(
      `no sign-in mail for ${email} in ${this.mailDir} after ${WAIT_MS / 1000} s: the demo reads ` +
        'the links the engine writes there when SMTP_URL is unset, as `npm start` does by default ' +
        '(and an address gets at most SIGN_IN_LINK_LIMIT links an hour)',
    );
  }

  private mails(): string[] {
    return existsSync(this.mailDir)
      ? readdirSync(this.mailDir).filter((name) => name.endsWith('.eml'))
      : [];
  }

  private async send(
    method: string,
    path: string,
    options: { body?: unknown; cookie?: string; csrfToken?: string; redirect?: 'manual' },
  ): Promise<Response> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      redirect: options.redirect,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.csrfToken ? { 'x-csrf-token': options.csrfToken } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status >= 400) {
      throw new DemoProblem(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return response;
  }
}
