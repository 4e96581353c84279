import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalisation of `..`, no re-encoding. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * An HTTP client that sends what it is given, byte for byte (supertest and fetch normalise paths
 * and refuse odd bodies), over kept-alive connections so thousands of calls stay fast. An event
 * stream never ends: its answer is its status, headers and first chunk, then the call is let go.
 */
export class RawHttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });

  constructor(private readonly port: number) {}

  send({ method, path, headers, body }: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent },
        (incoming) => {
          const chunks: Buffer[] = [];
          const answer = () => ({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
          if (String(incoming.headers['content-type']).startsWith('text/event-stream')) {
            incoming.once('data', (chunk: Buffer) => {
              chunks.push(chunk);
              resolve(answer());
              outgoing.destroy();
            });
            incoming.on('error', () => undefined);
            return;
          }
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve(answer()));
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
