import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/core';
import { Public } from '../auth/public.decorator';
import { HomeResponse } from './home.response';

/**
 * `GET /`: the engine's name and version, links to its docs, its health and its console, and the
 * ways to sign in, so the root answers something useful instead of a 404. Browsers that prefer
 * HTML get the web console here instead (see console/console-pages.ts); `Accept: application/json`
 * and `*\/*` get this.
 */
@ApiTags('operations')
@Public()
@Controller()
export class HomeController {
  private readonly home: HomeResponse;

  constructor(config: AppConfig) {
    const base = config.publicUrl;
    this.home = {
      name: 'raci-engine',
      version: packageVersion(),
      links: {
        docs: `${base}/docs`,
        openapi: `${base}/docs/openapi.json`,
        health: `${base}/health`,
        console: `${base}/`,
      },
      signIn: {
        emailLink: `${base}/auth/email-link`,
        sso: config.env.OIDC_ISSUER ? `${base}/auth/login` : null,
      },
    };
  }

  @Get()
  @ApiOperation({
    summary: 'Name, version, links to the docs, health and console, and how to sign in (public)',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: HomeResponse })
  get(): HomeResponse {
    return this.home;
  }
}

/** The version in the engine's package.json, found upwards from this file (source or dist). */
function packageVersion(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'raci-engine' && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}
