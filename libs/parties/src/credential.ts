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

/**
 * The credential a principal acts with, and how it was obtained: recorded with every history entry,
 * and what step-up judges. `acr`, `amr` and `authTime` come from the identity provider, when one
 * took part.
 */
export interface Credential {
  kind: CredentialKind;
  /** The token's, session's or link's id; the JWT's `jti` if it has one. */
  id: string | null;
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
