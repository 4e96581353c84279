import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '@app/core';

/** How long discovery may take before a sign-in or a token check gives up on the provider. */
const DISCOVERY_TIMEOUT_S = 5;

/**
 * The identity provider of `OIDC_ISSUER`, as its discovery document describes it: endpoints, JWKS
 * and what it supports. Discovered on first use, not at boot, so the engine starts while the
 * provider is away; a failed discovery is tried again on the next use.
 */
@Injectable()
export class OidcDiscovery {
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly config: AppConfig) {}

  /** Whether single sign-on is configured at all. */
  get enabled(): boolean {
    return Boolean(this.config.env.OIDC_ISSUER);
  }

  /** The provider's configuration for this engine as its client. */
  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<oidc.Configuration> {
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = this.config.env;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID) throw new Error('OIDC_ISSUER is not set');
    const issuer = new URL(OIDC_ISSUER);
    const configuration = await oidc.discovery(
      issuer,
      OIDC_CLIENT_ID,
      // ID tokens of sign-ins are checked with the same clock tolerance as access tokens.
      { [oidc.clockTolerance]: this.config.env.OIDC_CLOCK_TOLERANCE_S },
      OIDC_CLIENT_SECRET ? secretAuthentication(OIDC_CLIENT_SECRET) : oidc.None(),
      {
        // A provider on the same machine (development, tests) may speak plain http.
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: DISCOVERY_TIMEOUT_S,
      },
    );
    configuration.timeout = DISCOVERY_TIMEOUT_S;
    return configuration;
  }
}

/**
 * The client secret as the provider takes it: `client_secret_basic`, the OpenID Connect default,
 * unless its discovery document lists only `client_secret_post` (as some Auth0 tenants do).
 */
function secretAuthentication(secret: string): oidc.ClientAuth {
  const basic = oidc.ClientSecretBasic(secret);
  const post = oidc.ClientSecretPost(secret);
  return (server, client, body, headers) => {
    const supported = server.token_endpoint_auth_methods_supported;
    const usePost =
      supported !== undefined &&
      supported.includes('client_secret_post') &&
      !supported.includes('client_secret_basic');
    (usePost ? post : basic)(server, client, body, headers);
  };
}
