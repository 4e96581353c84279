import { Module } from '@nestjs/common';
import { PartiesModule } from '@app/parties';
import { AuthFailureCounter } from './auth-failure-counter';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { RequestAuthenticator } from './request-authenticator.service';
import { IdpTokenVerifier } from './oidc/idp-token-verifier.service';
import { OidcDiscovery } from './oidc/oidc-discovery.service';
import { RedisFailureCounter } from './redis-failure-counter';
import { SignInTransactions } from './sso/sign-in-transaction';
import { SsoSignIn } from './sso/sso-sign-in.service';

/**
 * What every authentication point of the API shares: the bearer check, the failure limiter and
 * single sign-on with the identity provider.
 */
@Module({
  imports: [PartiesModule],
  providers: [
    AuthFailureLimiter,
    RequestAuthenticator,
    OidcDiscovery,
    IdpTokenVerifier,
    SsoSignIn,
    SignInTransactions,
    { provide: AuthFailureCounter, useClass: RedisFailureCounter },
  ],
  exports: [AuthFailureLimiter, RequestAuthenticator, OidcDiscovery, SsoSignIn, SignInTransactions],
})
export class AuthModule {}
