import { randomUUID } from 'node:crypto';
import { STATUS_CODES, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Logger } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '@app/core';

/**
 * Node answers a request it cannot parse (headers or URL over 16 KiB, bad bytes) with a bare status
 * line; this gives those callers the same JSON error shape as every other error, and an
 * `X-Request-Id` (new: the request's own header could not be read) that the log line names too.
 */
export function answerClientErrorsInJson(server: Server): void {
  const logger = new Logger('HTTP');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const {
      status: statusCode,
      code,
      message,
    } = new CommonException(
      error.code === 'HPE_HEADER_OVERFLOW'
        ? CommonErrorCode.HeadersTooLarge
        : CommonErrorCode.MalformedRequest,
    );
    const requestId = randomUUID();
    logger.warn({ requestId, code, reason: error.code }, 'request refused before parsing');
    const body = JSON.stringify({ statusCode, code, message, requestId });
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `X-Request-Id: ${requestId}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
