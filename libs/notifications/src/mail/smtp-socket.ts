import { connect, Socket } from 'node:net';

/** What nodemailer's `getSocket` hands back: an open connection it speaks SMTP over. */
type GetSocketCallback = (error: Error | null, socket?: { connection: Socket }) => void;

/**
 * The SMTP pool's connections, opened here instead of by nodemailer so that Nagle's algorithm is off.
 * nodemailer writes a message's body and its closing dot in separate writes, so with Nagle on the
 * second waits for the server's delayed ACK: about 40 ms a message on every connection, which capped
 * a pool of five near 110 messages a second on any server. For `smtps:` nodemailer still wraps the
 * connection in TLS, and STARTTLS still upgrades it.
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

  /**
   * Stops handing out connections. A pool closes only the connections it already holds, so one still
   * being opened when the pool closes would otherwise reach the server and stay open there.
   */
  close(): void {
    this.closed = true;
    for (const socket of this.connecting) socket.destroy(new Error('the mail transport is closed'));
  }
}
