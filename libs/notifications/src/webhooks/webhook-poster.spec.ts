import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { AppConfig } from '@app/core';
import { WebhookDeliveryError } from './webhook-delivery.entity';
import { type ResolveAll, WebhookPoster } from './webhook-poster';

const BODY = '{"id":"e1"}';
const HEADERS = { 'Content-Type': 'application/json' };

/** A listener on loopback answering `status` to every POST, remembering what it got. */
async function listener(status: number) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createHttpServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(status, { Location: 'http://127.0.0.1:1/' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, port: (server.address() as AddressInfo).port };
}

/** A TCP server that accepts and then says nothing, or answers plain text to a TLS hello. */
async function tcpServer(onSocket: (socket: Socket) => void) {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    sockets.forEach((socket) => socket.destroy());
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port: (server.address() as AddressInfo).port, close };
}

const close = (server: Server) => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
};

function poster(allowPrivate: boolean, answers: Record<string, string[]> = {}) {
  const resolveAll = jest.fn<ReturnType<ResolveAll>, Parameters<ResolveAll>>((name) => {
    const addresses = answers[name];
    if (!addresses)
      return Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
    return Promise.resolve(
      addresses.map((address): LookupAddress => ({
        address,
        family: address.includes(':') ? 6 : 4,
      })),
    );
  });
  const config = AppConfig.fromEnv({
    WEBHOOK_ALLOW_PRIVATE: String(allowPrivate),
    WEBHOOK_TIMEOUT_MS: '400',
  });
  return { poster: new WebhookPoster(config, resolveAll), resolveAll };
}

describe('WebhookPoster', () => {
  it('refuses a name that resolves to loopback, and sends nothing', async () => {
    const { server, seen, port } = await listener(200);
    const { poster: guarded } = poster(false, { 'hooks.test': ['127.0.0.1'] });
    const outcome = await guarded.post(`http://hooks.test:${port}/in`, HEADERS, BODY);
    expect(outcome).toMatchObject({
      responseStatus: null,
      failure: WebhookDeliveryError.BlockedAddress,
    });
    expect(outcome.detail).toContain('loopback');
    expect(seen).toHaveLength(0);
    await close(server);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const { poster: guarded } = poster(false, { 'hooks.test': ['93.184.216.34', '10.0.0.7'] });
    const outcome = await guarded.post('https://hooks.test/in', HEADERS, BODY);
    expect(outcome.failure).toBe(WebhookDeliveryError.BlockedAddress);
  });

  it.each([
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/',
    'https://[::ffff:127.0.0.1]/',
    'https://[fd00:ec2::254]/',
    'http://0x7f.1/',
  ])('refuses the literal address of %s without resolving anything', async (url) => {
    const { poster: guarded, resolveAll } = poster(false);
    expect((await guarded.post(url, HEADERS, BODY)).failure).toBe(
      WebhookDeliveryError.BlockedAddress,
    );
    expect(resolveAll).not.toHaveBeenCalled();
  });

  it('connects to the address it checked, keeping the name in the Host header', async () => {
    const { server, seen, port } = await listener(204);
    // hooks.test resolves nowhere but through this resolver: the connection used its answer.
    const { poster: open, resolveAll } = poster(true, { 'hooks.test': ['127.0.0.1'] });
    const outcome = await open.post(`http://hooks.test:${port}/in?x=1`, HEADERS, BODY);
    expect(outcome).toEqual({ responseStatus: 204, failure: null, detail: null });
    expect(resolveAll).toHaveBeenCalledTimes(1);
    expect(seen[0].host).toBe(`hooks.test:${port}`);
    expect(seen[0]['content-length']).toBe(String(BODY.length));
    await close(server);
  });

  it.each([
    [302, WebhookDeliveryError.Http3xx],
    [404, WebhookDeliveryError.Http4xx],
    [503, WebhookDeliveryError.Http5xx],
  ])('puts an answer of %i in its category, following no redirect', async (status, failure) => {
    const { server, seen, port } = await listener(status);
    const { poster: open } = poster(true);
    const outcome = await open.post(`http://127.0.0.1:${port}/in`, HEADERS, BODY);
    expect(outcome).toMatchObject({ responseStatus: status, failure });
    expect(seen).toHaveLength(1);
    await close(server);
  });

  it('says "refused" of a closed port and of a name that does not resolve', async () => {
    const closed = await tcpServer(() => undefined);
    await closed.close();
    const { poster: open } = poster(true);
    const refused = await open.post(`http://127.0.0.1:${closed.port}/`, HEADERS, BODY);
    expect(refused).toMatchObject({ failure: WebhookDeliveryError.Refused, responseStatus: null });
    expect(refused.detail).toContain('ECONNREFUSED');
    const unknown = await open.post('https://nowhere.test/', HEADERS, BODY);
    expect(unknown.failure).toBe(WebhookDeliveryError.Refused);
  });

  it('says "timeout" of a server that accepts and never answers, within the limit', async () => {
    const hole = await tcpServer(() => undefined);
    const { poster: open } = poster(true);
    const started = Date.now();
    const outcome = await open.post(`http://127.0.0.1:${hole.port}/`, HEADERS, BODY);
    expect(outcome.failure).toBe(WebhookDeliveryError.Timeout);
    expect(Date.now() - started).toBeLessThan(2_000);
    await hole.close();
  });

  it('says "tls" of a server that does not speak TLS', async () => {
    const plain = await tcpServer((socket) =>
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')),
    );
    const { poster: open } = poster(true);
    const outcome = await open.post(`https://127.0.0.1:${plain.port}/`, HEADERS, BODY);
    expect(outcome.failure).toBe(WebhookDeliveryError.Tls);
    await plain.close();
  });
});
