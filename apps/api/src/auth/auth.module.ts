import { Module } from '@nestjs/common';
import { PartiesModule } from '@app/parties';
import { AccountChooser } from './account-choice/account-chooser.service';
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
 * single sign-on with the identity provider, and the choice of account a proven address may need.
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
    AccountChooser,
    { provide: AuthFailureCounter, useClass: RedisFailureCounter },
  ],
  exports: [
    AuthFailureLimiter,
    RequestAuthenticator,
    OidcDiscovery,
    SsoSignIn,
    SignInTransactions,
    AccountChooser,
  ],
})
export class AuthModule {}
