import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppConfig } from '@app/core';
import { OidcDiscovery } from './oidc-discovery.service';

/** Signatures the engine accepts: asymmetric only, so nobody holding a shared secret can mint. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** A verified access token of the identity provider, or why it is refused. */
export type IdpTokenCheck =
  | { ok: true; claims: JWTPayload & { sub: string } }
  | { ok: false; reason: 'invalid' | 'unavailable' };

/**
 * Verifies the identity provider's JWT access tokens: the signature against its JWKS (cached; a
 * key id not seen before fetches the set again, so a rotation is picked up), `iss`, `aud` (which
 * must include OIDC_AUDIENCE), `exp` and `nbf` within OIDC_CLOCK_TOLERANCE_S. An ID token is not
 * an access token and is refused, even though its `aud` is the client id.
 */
@Injectable()
export class IdpTokenVerifier {
  private keys?: JWTVerifyGetKey;

  constructor(
    private readonly discovery: OidcDiscovery,
    private readonly config: AppConfig,
  ) {}

  /** Whether a bearer token could be one of the provider's: configured, and shaped as a JWS. */
  accepts(bearer: string): boolean {
    return this.discovery.enabled && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(bearer);
  }

  async verify(bearer: string): Promise<IdpTokenCheck> {
    let metadata: { issuer: string; jwks_uri?: string };
    try {
      metadata = (await this.discovery.configuration()).serverMetadata();
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
    try {
      const { payload } = await jwtVerify(bearer, this.keySet(metadata.jwks_uri), {
        issuer: metadata.issuer,
        audience: this.config.oidcAudience,
        clockTolerance: this.config.env.OIDC_CLOCK_TOLERANCE_S,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      if (isIdToken(payload)) return { ok: false, reason: 'invalid' };
      return { ok: true, claims: payload as JWTPayload & { sub: string } };
    } catch (error) {
      const unreachable =
        error instanceof errors.JWKSTimeout ||
        (error instanceof Error && !(error instanceof errors.JOSEError));
      return { ok: false, reason: unreachable ? 'unavailable' : 'invalid' };
    }
  }

  private keySet(jwksUri: string | undefined): JWTVerifyGetKey {
    if (!jwksUri) throw new errors.JWKSInvalid('the identity provider publishes no jwks_uri');
    this.keys ??= createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5_000 });
    return this.keys;
  }
}

/** ID tokens carry a nonce or hashes of what came with them; Keycloak also says `typ: ID`. */
function isIdToken(payload: JWTPayload): boolean {
  return 'nonce' in payload || 'at_hash' in payload || 'c_hash' in payload || payload.typ === 'ID';
}
