import { createServer, Server, Socket } from 'node:net';
import { SmtpSockets } from './smtp-socket';

/** Asks for a connection as nodemailer does and returns what it is handed. */
function open(sockets: SmtpSockets): Promise<Socket> {
  return new Promise((resolve, reject) =>
    sockets.getSocket({}, (error, socket) => (error ? reject(error) : resolve(socket!.connection))),
  );
}

describe('SmtpSockets', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('hands nodemailer an open connection to the server', async () => {
    const socket = await open(new SmtpSockets('127.0.0.1', port, 1000));
    expect(socket.remotePort).toBe(port);
    socket.destroy();
  });

  it('reports a refused connection as an error instead of a socket', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freedPort = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(open(new SmtpSockets('127.0.0.1', freedPort, 1000))).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('opens nothing once closed, and drops a connection still being opened', async () => {
    const sockets = new SmtpSockets('127.0.0.1', port, 1000);
    const opening = open(sockets);
    sockets.close();
    await expect(opening).rejects.toThrow(/closed/);
    await expect(open(sockets)).rejects.toThrow(/closed/);
  });
});
