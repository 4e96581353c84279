import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One POST as the receiver got it, and what it answered. */
export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as signed. */
  body: string;
  eventId: string;
  answered: number;
  /** When the request's body had arrived (epoch ms). */
  receivedAt: number;
}

/**
 * A webhook receiver on loopback. `answer(path, nth)` decides the status of the nth (1-based) POST
 * of one event to one path; 200 unless told otherwise.
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  private server?: Server;

  constructor(private readonly answer: (path: string, nth: number) => number = () => 200) {}

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The POSTs of one event to one path, oldest first. */
  of(path: string, eventId: string): ReceivedHook[] {
    return this.received.filter((hook) => hook.path === path && hook.eventId === eventId);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const eventId = String(req.headers['raci-event-id'] ?? '');
        const answered = this.answer(path, this.of(path, eventId).length + 1);
        this.received.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          eventId,
          answered,
          receivedAt: Date.now(),
        });
        res.writeHead(answered, { 'Content-Type': 'text/plain' }).end('thanks');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
