import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type ClientRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { nonPublicKind } from './webhook-address';
import { WebhookDeliveryError as Failure } from './webhook-delivery.entity';

/** Resolves a name to every address it has, as `dns.lookup(name, { all: true })` does. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

/** Replaces the system resolver of webhook deliveries (tests give names their own answers). */
export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

const resolveWithDns: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** What one POST came to. `detail` is for the server log only: it may name inside addresses. */
export interface PostOutcome {
  responseStatus: number | null;
  failure: Failure | null;
  detail: string | null;
}

/** A failure before or while talking to the receiver, with its category. */
class PostFailure extends Error {
  constructor(
    readonly failure: Failure,
    message: string,
  ) {
    super(message);
  }
}

/** TLS errors: Node's own codes, and OpenSSL's certificate verdicts. */
const isTlsError = (code: string): boolean =>
  /^(ERR_TLS_|ERR_SSL_|EPROTO$)|CERT|SIGNATURE|UNABLE_TO_(GET|VERIFY|DECRYPT)/.test(code);

/**
 * POSTs a webhook to public addresses only. The host is resolved here, every address it has is
 * checked, and the connection goes to the address that was checked (the socket's lookup answers
 * it), so a name that changes its answer between the check and the connect (DNS rebinding) cannot
 * reach inside. The Host header and the TLS server name stay the registered name. Redirects are
 * never followed, and the whole exchange, name resolution included, has WEBHOOK_TIMEOUT_MS.
 */
@Injectable()
export class WebhookPoster implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookPoster.name);
  private readonly allowPrivate: boolean;
  private readonly timeoutMs: number;

  constructor(
    config: AppConfig,
    @Optional() @Inject(WEBHOOK_RESOLVER) private readonly resolveAll: ResolveAll = resolveWithDns,
  ) {
    this.allowPrivate = config.env.WEBHOOK_ALLOW_PRIVATE;
    this.timeoutMs = config.env.WEBHOOK_TIMEOUT_MS;
  }

  onApplicationBootstrap(): void {
    if (this.allowPrivate) {
      this.logger.warn(
        'WEBHOOK_ALLOW_PRIVATE is on: webhooks may reach loopback and private addresses, so any ' +
          'organization admin can make this engine call services inside its network. Turn it ' +
          'off outside development and tests.',
      );
    }
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<PostOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new PostFailure(Failure.Timeout, `no answer in ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    try {
      const target = new URL(url);
      const address = await this.checkedAddress(target.hostname, controller.signal);
      const status = await this.send(target, address, headers, body, controller.signal);
      if (status >= 200 && status < 300)
        return { responseStatus: status, failure: null, detail: null };
      const failure =
        status >= 500 ? Failure.Http5xx : status >= 400 ? Failure.Http4xx : Failure.Http3xx;
      return { responseStatus: status, failure, detail: `HTTP ${status}` };
    } catch (error) {
      const failure = controller.signal.aborted ? (controller.signal.reason as PostFailure) : error;
      return { responseStatus: null, ...categorise(failure) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The one address to connect to, after checking every address the name has. */
  private async checkedAddress(hostname: string, signal: AbortSignal): Promise<LookupAddress> {
    const host = hostname.replace(/^\[|\]$/g, '');
    const family = isIP(host);
    const addresses = family
      ? [{ address: host, family }]
      : await abortable(this.resolveAll(host), signal);
    if (addresses.length === 0) throw new PostFailure(Failure.Refused, `${host} has no address`);
    if (!this.allowPrivate) {
      // Every address, not only the first: a name with one public and one inside address would
      // otherwise pass the check and could still be reached through the other.
      const blocked = addresses.find(({ address }) => nonPublicKind(address) !== null);
      if (blocked) {
        throw new PostFailure(
          Failure.BlockedAddress,
          `${host} resolves to ${blocked.address} (${nonPublicKind(blocked.address)})`,
        );
      }
    }
    return addresses[0];
  }

  private send(
    target: URL,
    address: LookupAddress,
    headers: Record<string, string>,
    body: string,
    signal: AbortSignal,
  ): Promise<number> {
    // The socket connects to the checked address whatever the name resolves to by now.
    const pinned: LookupFunction = (_name, options, callback) => {
      if (options.all) callback(null, [address]);
      else callback(null, address.address, address.family);
    };
    const options: RequestOptions = {
      method: 'POST',
      hostname: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      lookup: pinned,
      // A connection of its own: a pooled one could have been made to another address.
      agent: false,
      signal,
    };
    return new Promise<number>((resolve, reject) => {
      const request: ClientRequest =
        target.protocol === 'https:' ? httpsRequest(options) : httpRequest(options);
      request.on('response', (response) => {
        // The answer's body is not used; dropping the connection frees it at once.
        response.destroy();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}

function categorise(error: unknown): { failure: Failure; detail: string } {
  if (error instanceof PostFailure) return { failure: error.failure, detail: error.message };
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  const message = error instanceof Error ? error.message : String(error);
  const detail = code && !message.includes(code) ? `${code}: ${message}` : message;
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR') return { failure: Failure.Timeout, detail };
  if (isTlsError(code)) return { failure: Failure.Tls, detail };
  return { failure: Failure.Refused, detail };
}

/** `promise`, or the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
