import { Principal } from '@app/parties';
import { RequestsErrorCode as Code, RequestsException } from '../requests.exception';
import { RequestVerb } from './request-state';
import { WHO_ACTS } from './who-acts.table';

/** Whether `verb` is a decision, which only a credential of the person's own may make. */
export function needsPersonalCredential(verb: RequestVerb): boolean {
  return Boolean(WHO_ACTS[verb].personal);
}

/**
 * Nobody decides as someone else: a verb the table marks as a decision needs a credential the
 * person obtained themselves (a session of their own sign-in, a token they minted while signed in,
 * the identity provider's token, a decision link mailed to them). A token an admin minted for
 * them, or ADMIN_TOKEN, may read, submit, comment and work, not decide: 403 CREDENTIAL_NOT_PERSONAL.
 * Checked before step-up, which asks more of the same person.
 */
export function requirePersonalCredential(verb: RequestVerb, principal: Principal): void {
  if (!needsPersonalCredential(verb) || principal.credential?.personal === true) return;
  throw new RequestsException(Code.CredentialNotPersonal);
}
