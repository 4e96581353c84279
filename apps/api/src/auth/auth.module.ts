import { Module } from '@nestjs/common';
import { PartiesModule } from '@app/parties';
import { AuthFailureCounter } from './auth-failure-counter';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { BearerAuthenticator } from './bearer-authenticator.service';
import { RedisFailureCounter } from './redis-failure-counter';

/** What every authentication point of the API shares: the bearer check and the failure limiter. */
@Module({
  imports: [PartiesModule],
  providers: [
    AuthFailureLimiter,
    BearerAuthenticator,
    { provide: AuthFailureCounter, useClass: RedisFailureCounter },
  ],
  exports: [AuthFailureLimiter, BearerAuthenticator],
})
export class AuthModule {}
