/** What a caller presented: an engine token, a session cookie, an identity provider's token or a link. */
export enum CredentialKind {
  /** An engine `raci_…` API token. */
  ApiToken = 'api_token',
  /** The bootstrap admin's `ADMIN_TOKEN`. */
  AdminToken = 'admin_token',
  /** A `raci_session` cookie of a signed-in person. */
  Session = 'session',
  /** A JWT access token signed by the identity provider. */
  IdpToken = 'idp_token',
  /** A signed decision link of an email. */
  DecisionLink = 'decision_link',
}

/** How the person (or machine) behind a credential proved who they are. */
export enum AuthMethod {
  ApiToken = 'api_token',
  /** Sign-in at the identity provider (OpenID Connect). */
  Oidc = 'oidc',
  /** Sign-in by a link sent to the person's address. */
  EmailLink = 'email_link',
  /** A token the identity provider issued (client credentials, or a person's access token). */
  IdpToken = 'idp_token',
  DecisionLink = 'decision_link',
}

/** The issuer of a token the bootstrap `ADMIN_TOKEN` minted. */
export const ADMIN_TOKEN_ISSUER = 'admin_token';
/** The issuer of a token minted before the engine recorded who mints tokens. */
export const UNKNOWN_ISSUER = 'unknown';
/** The issuer of a decision link: the engine made it, for the person whose mailbox it went to. */
export const ENGINE_ISSUER = 'engine';

/**
 * The credential a principal acts with, and how it was obtained: recorded with every history entry,
 * and what step-up and the personal-credential rule judge. `acr`, `amr` and `authTime` come from the
 * identity provider, when one took part.
 */
export interface Credential {
  kind: CredentialKind;
  /** The token's, session's or link's id; the JWT's `jti` if it has one. */
  id: string | null;
  /**
   * Who issued it: for an engine token the id of the user who minted it (`admin_token` when the
   * bootstrap token did, `unknown` for tokens older than this record); for a session the person's
   * own user id; for an identity provider's token its `iss`; `engine` for a decision link; null for
   * the bootstrap `ADMIN_TOKEN` itself.
   */
  issuer: string | null;
  /**
   * Whether the person obtained it themselves, and so may decide with it: a session of their own
   * sign-in, a token they minted while signed in, the identity provider's token for their subject,
   * or a decision link mailed to them. A token someone else minted, and `ADMIN_TOKEN`, are not.
   */
  personal: boolean;
  method: AuthMethod;
  acr: string | null;
  amr: readonly string[];
  /** When the person last authenticated (ISO 8601), as far as the engine knows. */
  authTime: string | null;
}

/**
 * Whether a credential carries multi-factor authentication: an `acr` among `stepUpAcr`, or `mfa` in
 * its `amr`. Engine tokens and emailed links never do, whatever they claim.
 */
export function isStepUp(
  credential: Credential | undefined,
  stepUpAcr: readonly string[],
): boolean {
  if (!credential) return false;
  const fromProvider =
    credential.method === AuthMethod.Oidc || credential.method === AuthMethod.IdpToken;
  if (!fromProvider) return false;
  return (
    (credential.acr !== null && stepUpAcr.includes(credential.acr)) ||
    credential.amr.includes('mfa')
  );
}
