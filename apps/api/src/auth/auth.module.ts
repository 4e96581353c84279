import { Module } from '@nestjs/common';
import { AuthFailureCounter } from './auth-failure-counter';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { RedisFailureCounter } from './redis-failure-counter';

/** What every authentication point of the API shares: the limiter of failed authentications. */
@Module({
  providers: [AuthFailureLimiter, { provide: AuthFailureCounter, useClass: RedisFailureCounter }],
  exports: [AuthFailureLimiter],
})
export class AuthModule {}
