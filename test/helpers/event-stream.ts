import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Server-Sent Event as a client reads it. */
export interface StreamEvent {
  event: string;
  data: string;
}

/** A stream opened on a listening app, and what it has received so far. */
export interface OpenStream {
  status: number;
  /** Every event received, in order. */
  events: StreamEvent[];
  /** The raw text received, comments and `retry:` included. */
  text(): string;
  close(): void;
}

/**
 * Opens `path` on a listening server as an EventSource would, with a bearer token, and resolves
 * once the answer's first line arrived (or at once with the status, when it is not 200).
 */
export function openEventStream(
  server: http.Server,
  path: string,
  token: string,
): Promise<OpenStream> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      },
      (res) => {
        let raw = '';
        const events: StreamEvent[] = [];
        const stream: OpenStream = {
          status: res.statusCode ?? 0,
          events,
          text: () => raw,
          close: () => req.destroy(),
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          events.splice(0, events.length, ...parse(raw));
          resolve(stream);
        });
        res.on('error', () => undefined);
        if (stream.status !== 200) res.on('end', () => resolve(stream));
      },
    );
    req.on('error', reject);
  });
}

/** The complete events of a stream's text (blocks ended by a blank line, with an `event:` field). */
function parse(raw: string): StreamEvent[] {
  return raw
    .split('\n\n')
    .slice(0, -1)
    .flatMap((block) => {
      const fields = block.split('\n');
      const event = fields.find((line) => line.startsWith('event: '))?.slice(7);
      const data = fields
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return event ? [{ event, data }] : [];
    });
}
