import { STATUS_CODES, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Codes of requests Node's HTTP parser refuses before the application sees them. */
export enum ClientErrorCode {
  HeadersTooLarge = 'HEADERS_TOO_LARGE',
  MalformedRequest = 'MALFORMED_REQUEST',
}

/**
 * Node answers a request it cannot parse (headers or URL over 16 KiB, bad bytes) with a bare status
 * line; this gives those callers the same JSON error shape as every other error.
 */
export function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const statusCode = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      statusCode,
      code: tooLarge ? ClientErrorCode.HeadersTooLarge : ClientErrorCode.MalformedRequest,
      message: tooLarge
        ? 'The request line and headers are too large.'
        : 'The request could not be parsed as HTTP.',
    });
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
