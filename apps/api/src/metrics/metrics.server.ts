import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { MetricsRegistry } from './metrics.registry';

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Serves `GET /metrics` on its own listener (`METRICS_HOST:METRICS_PORT`, loopback by default),
 * never on the API's port, and only to the bearer of `METRICS_TOKEN` when one is set. A scrape
 * reads the registry as the background refresh left it: it costs no database or Redis call.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly tokenDigest: Buffer | null;
  private server: Server | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
  ) {
    const token = config.env.METRICS_TOKEN;
    this.tokenDigest = token ? sha256(token) : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { METRICS_HOST: host, METRICS_PORT: port } = this.config.env;
    const server = createServer((req, res) => void this.answer(req, res));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
    } catch (error) {
      // Metrics are not worth refusing to serve the API for: say so, and go on without them.
      this.logger.error(`Metrics not served on ${host}:${port}: ${(error as Error).message}`);
      return;
    }
    this.server = server;
    this.logger.log(`Metrics on http://${host}:${this.address()!.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Where the listener listens, once it does. */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') return end(res, 404, 'Not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'Method not allowed\n');
    if (!this.authorized(req.headers.authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return end(res, 401, 'Unauthorized\n');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    end(res, 200, await this.metrics.registry.metrics());
  }

  /** Compares digests, so the comparison takes the same time whatever the token sent. */
  private authorized(header: string | undefined): boolean {
    if (!this.tokenDigest) return true;
    const bearer = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    return bearer !== undefined && timingSafeEqual(sha256(bearer), this.tokenDigest);
  }
}

function end(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(body);
}
