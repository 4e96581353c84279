import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

/** One message as accepted: its Message-ID and when the listener said 250 (performance.now()). */
export interface AcceptedMail {
  messageId: string;
  acceptedAt: number;
  bytes: number;
}

/**
 * An SMTP server in the bench process that accepts everything and records when. Unlike the test
 * listener it parses nothing but the Message-ID header, so it costs the shared CPU little and the
 * pipeline, not the listener, sets the pace.
 */
export class BenchSmtpListener {
  readonly accepted: AcceptedMail[] = [];
  /** The last few raw messages, to build equivalent messages for the direct baseline. */
  readonly samples: string[] = [];
  private server?: SMTPServer;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      maxClients: 200,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
          this.accepted.push({ messageId, acceptedAt: performance.now(), bytes: raw.length });
          if (this.samples.length < 20) this.samples.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    const { port } = this.server!.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Messages accepted since `index` (for measuring one phase of a run). */
  since(index: number): AcceptedMail[] {
    return this.accepted.slice(index);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
