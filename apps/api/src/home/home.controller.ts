import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/core';
import { Public } from '../auth/public.decorator';
import { HomeResponse } from './home.response';

/**
 * `GET /`: the engine's name and version and links to its docs, its health and its console, so the
 * root answers something useful instead of a 404. JSON for now; a later change serves the web
 * console here to browsers and keeps this answer for `Accept: application/json`.
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
    };
  }

  @Get()
  @ApiOperation({ summary: 'Name, version and links to the docs, health and console (public)' })
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
