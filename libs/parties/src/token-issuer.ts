import { ADMIN_TOKEN_ISSUER, CredentialKind, UNKNOWN_ISSUER } from './credential';
import type { ApiToken } from './entities/api-token.entity';

/** The credentials with which a person proves it is them: what a personal token is minted with. */
const OWN_SIGN_IN: readonly string[] = [CredentialKind.Session, CredentialKind.IdpToken];

type Minted = Pick<ApiToken, 'userId' | 'issuedBy' | 'issuedWith'>;

/**
 * Who minted a token, as a credential's `issuer`: the user's id, `admin_token` for the bootstrap
 * token, `unknown` for a token minted before the engine recorded it.
 */
export function issuerOf(token: Minted): string {
  if (token.issuedBy) return token.issuedBy;
  return token.issuedWith === CredentialKind.AdminToken ? ADMIN_TOKEN_ISSUER : UNKNOWN_ISSUER;
}

/**
 * Whether a token is its owner's own: minted by the owner, signed in with a session or the
 * identity provider's token. One an admin minted, or one minted with another token, is not.
 */
export function isPersonalToken(token: Minted): boolean {
  return (
    token.issuedBy === token.userId &&
    token.issuedWith !== null &&
    OWN_SIGN_IN.includes(token.issuedWith)
  );
}
