import { connect, Socket } from 'node:net';

/** What nodemailer's `getSocket` hands back: an open connection it speaks SMTP over. */
type GetSocketCallback = (error: Error | null, socket?: { connection: Socket }) => void;

/**
 * The SMTP pool's connections, opened here instead of by nodemailer so that closing the transport
 * also drops a connection still being opened: a pool closes only the connections it holds, so such
 * a connection would otherwise reach the server and stay open there. Nagle's algorithm is off, as
 * nodemailer (10.1 and later) sets it on its own connections: a message's body and its closing dot
 * are separate writes, and with Nagle on the second waits about 40 ms for the server's delayed ACK.
 * For `smtps:` nodemailer still wraps the connection in TLS, and STARTTLS still upgrades it.
 */
export class SmtpSockets {
  private closed = false;
  private readonly connecting = new Set<Socket>();

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  /** nodemailer's `getSocket` option. */
  readonly getSocket = (_options: unknown, callback: GetSocketCallback): void => {
    if (this.closed) return callback(new Error('the mail transport is closed'));
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.connecting.add(socket);
    const fail = (error: Error) => {
      this.connecting.delete(socket);
      socket.destroy();
      callback(error);
    };
    socket.setTimeout(this.timeoutMs, () =>
      fail(new Error(`SMTP connection timed out after ${this.timeoutMs} ms`)),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      this.connecting.delete(socket);
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      callback(null, { connection: socket });
    });
  };

  /** Stops handing out connections, and drops those still being opened. */
  close(): void {
    this.closed = true;
    for (const socket of this.connecting) socket.destroy(new Error('the mail transport is closed'));
  }
}
