import { connect, Socket } from 'node:net';

/** What nodemailer's `getSocket` hands back: an open connection it speaks SMTP over. */
type GetSocketCallback = (error: Error | null, socket?: { connection: Socket }) => void;

/**
 * nodemailer's `getSocket` for the SMTP pool: opens the TCP connection itself, with Nagle's
 * algorithm off. nodemailer writes a message's body and its closing dot in separate writes, so with
 * Nagle on the second waits for the server's delayed ACK, about 40 ms a message on every
 * connection: that capped a pool of five at about 110 messages a second on any server. For `smtps:`
 * nodemailer still wraps this connection in TLS, and STARTTLS still upgrades it.
 */
export function smtpSocketFactory(host: string, port: number, timeoutMs: number) {
  return (_options: unknown, callback: GetSocketCallback): void => {
    const socket = connect({ host, port, noDelay: true });
    const fail = (error: Error) => {
      socket.destroy();
      callback(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new Error(`SMTP connection timed out after ${timeoutMs} ms`)),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      callback(null, { connection: socket });
    });
  };
}
