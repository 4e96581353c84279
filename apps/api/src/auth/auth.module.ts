import { Module } from '@nestjs/common';
import { PartiesModule } from '@app/parties';
import { AuthFailureCounter } from './auth-failure-counter';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { RequestAuthenticator } from './request-authenticator.service';
import { IdpTokenVerifier } from './oidc/idp-token-verifier.service';
import { OidcDiscovery } from './oidc/oidc-discovery.service';
import { RedisFailureCounter } from './redis-failure-counter';

/** What every authentication point of the API shares: the bearer check and the failure limiter. */
@Module({
  imports: [PartiesModule],
  providers: [
    AuthFailureLimiter,
    RequestAuthenticator,
    OidcDiscovery,
    IdpTokenVerifier,
    { provide: AuthFailureCounter, useClass: RedisFailureCounter },
  ],
  exports: [AuthFailureLimiter, RequestAuthenticator, OidcDiscovery],
})
export class AuthModule {}
