/** The security scheme of `Authorization: Bearer`: an engine `raci_…` token or the IdP's JWT. */
export const BEARER_SCHEME = 'bearer';

/** The security scheme of a signed-in person's `raci_session` cookie. */
export const SESSION_SCHEME = 'session';
