import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * A route that does nothing, mounted only with `BENCH_NOOP_ROUTE=true`: the benchmark's ceiling
 * of the framework, body parsing and the bearer-token guard, which every real route pays too.
 */
@ApiExcludeController()
@Controller('v1/bench')
export class BenchNoopController {
  @Post('noop')
  @HttpCode(200)
  noop(): { ok: true } {
    return { ok: true };
  }
}
