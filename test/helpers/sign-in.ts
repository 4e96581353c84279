import request from 'supertest';
import { DataSource, In, IsNull } from 'typeorm';
import { SignInLink, SignInLinks, User } from '@app/parties';
import { checkedByContract } from '../contract/contract-check';
import { TestApp } from './create-app';
import { expectStatus } from './status.assertion';

/** A person signed in for a session: the cookie their browser holds, and its CSRF token. */
export interface SignedIn {
  /** `raci_session=…`, as a `Cookie` header carries it. */
  cookie: string;
  /** What a state-changing call with the cookie sends as `X-CSRF-Token`. */
  csrfToken: string;
  /** The session's id, as `GET /v1/me` and `GET /v1/me/sessions` show it. */
  sessionId: string;
}

/** The app a person signs in to: a test app, or an API process (its URL) that says where its links go. */
export interface SignInTarget extends Partial<Pick<TestApp, 'app' | 'signInLink'>> {
  http: Parameters<typeof request>[0];
}

/**
 * Signs a person in as a person does: asks for the emailed sign-in link (`POST /auth/email-link`),
 * follows it (the POST of its page), and reads the CSRF token of the session from `GET /v1/me`.
 * The link is the one the engine would mail: most test apps run without a worker and mail, so it
 * is made from the link the request queued, with the app's own link service.
 */
export async function signIn(t: SignInTarget, email: string, userId?: string): Promise<SignedIn> {
  const asked = await checkedByContract(
    t.http,
    request(t.http).post('/auth/email-link').send({ email }),
  );
  expectStatus(asked, 202, `sign-in link for ${email}`);
  const link = await (t.signInLink ?? ((address) => mailedLink(t, address)))(email);
  let followed = await checkedByContract(t.http, request(t.http).post(link));
  if (followed.status === 303 && /\/auth\/choose$/.test(String(followed.headers.location))) {
    // The address has accounts in several organizations: the person picks this one.
    if (!userId) throw new Error(`signing in ${email}: several accounts, and none named`);
    followed = await checkedByContract(
      t.http,
      request(t.http)
        .post(`/auth/choose/${userId}`)
        .set('Sec-Fetch-Site', 'same-origin')
        .set('Cookie', cookieOf(followed, 'raci_choice') ?? ''),
    );
  }
  if (followed.status !== 303) {
    throw new Error(`signing in ${email}: expected 303, got ${followed.status}: ${followed.text}`);
  }
  const cookie = cookieOf(followed, 'raci_session');
  if (!cookie) throw new Error(`signing in ${email}: no session cookie`);
  const me = await checkedByContract(t.http, request(t.http).get('/v1/me').set('Cookie', cookie));
  expectStatus(me, 200, `GET /v1/me signed in as ${email}`);
  const { csrfToken, authentication } = me.body as {
    csrfToken: string;
    authentication: { id: string };
  };
  return { cookie, csrfToken, sessionId: authentication.id };
}

/**
 * A token the person mints for themselves, signed in (`POST /v1/users/{own id}/tokens` with the
 * session cookie and `X-CSRF-Token`): a personal token, the kind that decides. Without a session
 * given, the person signs in for it and then ends that session, as one signs out.
 */
export async function personalToken(
  t: SignInTarget,
  user: { id: string; email: string },
  session?: SignedIn,
): Promise<string> {
  const { cookie, csrfToken, sessionId } = session ?? (await signIn(t, user.email, user.id));
  const res = await checkedByContract(
    t.http,
    request(t.http)
      .post(`/v1/users/${user.id}/tokens`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken),
  );
  expectStatus(res, 201, `personal token of ${user.email}`);
  if (!session) {
    const out = await checkedByContract(
      t.http,
      request(t.http)
        .delete(`/v1/me/sessions/${sessionId}`)
        .set('Cookie', cookie)
        .set('X-CSRF-Token', csrfToken),
    );
    expectStatus(out, 204, `signing ${user.email} out`);
  }
  return (res.body as { token: string }).token;
}

/** The `name=value` of a cookie a response sets, if it sets it. */
function cookieOf(response: request.Response, name: string): string | undefined {
  return ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((value) => value.startsWith(`${name}=`))
    ?.split(';')[0];
}

/** The path of the newest sign-in link asked for this address, as its mail carries it. */
async function mailedLink(t: SignInTarget, email: string): Promise<string> {
  if (!t.app) throw new Error('this app says nowhere where its sign-in links go (signInLink)');
  const data = t.app.get(DataSource);
  const users = await data.getRepository(User).findBy({ email: email.trim().toLowerCase() });
  const [link] = await data.getRepository(SignInLink).find({
    where: { userId: In(users.map((user) => user.id)), usedAt: IsNull() },
    order: { createdAt: 'DESC' },
    take: 1,
  });
  const mail = link ? await t.app.get(SignInLinks).mailOf(link.id) : null;
  if (!mail) throw new Error(`no usable sign-in link was made for ${email}`);
  return new URL(mail.url).pathname;
}
