import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { RouteTable } from '../http-edge/route-table';

/**
 * The console's Content-Security-Policy: its own scripts, styles, images and API calls only; no
 * inline script, no plugin, no framing, and no form posting elsewhere.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Where `npm run build` writes the console: `dist/console` of the engine's package. */
export function consoleBuildDir(from = __dirname): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string };
    if (pkg.name === 'raci-engine') return join(dir, 'dist', 'console');
  }
  return null;
}

/**
 * Serves the web console to browsers: its built files, and its page (`index.html`) for any other
 * page a browser asks for (`/`, `/requests/:id`, …) so that deep links work. Every path under the
 * first segment of an API route (`/v1/…`, `/auth/…`) stays the API's, matched or not, except `/` when the browser prefers HTML to JSON: `GET /` with
 * `Accept: application/json` (or `*\/*`) keeps answering the links document. Without a build (a
 * development checkout), the engine starts anyway and says how to build the console.
 */
export function consolePages(routes: RouteTable, dir = consoleBuildDir()): RequestHandler {
  const index = dir ? join(dir, 'index.html') : null;
  if (!dir || !index || !existsSync(index)) {
    new Logger('Console').warn(
      'The web console is not built: run `npm run build` to serve it at / (see docs/console.md)',
    );
    return notBuilt(routes);
  }
  const page = readFileSync(index);
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    immutable: true,
    maxAge: '1y',
  });
  return (req, res, next) => {
    if (!isPageRequest(req, routes)) return next();
    if (req.path.startsWith('/assets/')) {
      res.setHeader('Content-Security-Policy', CONSOLE_CSP);
      void files(req, res, next);
      return;
    }
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  };
}

/** Without a build: a browser asking for a page learns how to get one; the API is untouched. */
function notBuilt(routes: RouteTable): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isPageRequest(req, routes) || req.path.startsWith('/assets/')) return next();
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res
      .status(503)
      .type('text/plain')
      .send('The web console is not built: run `npm run build`, then restart the engine.\n');
  };
}

/**
 * A request for a console page or file: a GET or HEAD outside the API's namespace (or `/`), from a
 * client that prefers HTML to JSON, or a file of the build's `assets/`.
 */
function isPageRequest(req: Request, routes: RouteTable): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path.startsWith('/assets/')) return true;
  if (req.path !== '/' && routes.claims(req.path)) return false;
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}
