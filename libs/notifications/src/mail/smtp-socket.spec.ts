import { createServer, Server, Socket } from 'node:net';
import { smtpSocketFactory } from './smtp-socket';

/** Calls the factory as nodemailer does and returns what it hands back. */
function open(port: number, timeoutMs = 1000): Promise<Socket> {
  return new Promise((resolve, reject) =>
    smtpSocketFactory(
      '127.0.0.1',
      port,
      timeoutMs,
    )({}, (error, socket) => (error ? reject(error) : resolve(socket!.connection))),
  );
}

describe('smtpSocketFactory', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('hands nodemailer an open connection to the server', async () => {
    const socket = await open(port);
    expect(socket.remotePort).toBe(port);
    socket.destroy();
  });

  it('reports a refused connection as an error instead of a socket', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freedPort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(open(freedPort)).rejects.toThrow(/ECONNREFUSED/);
  });
});
