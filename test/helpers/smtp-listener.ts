import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';

/** One message as the listener received it over SMTP. */
export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  /** The decoded text body. */
  text: string;
  html: string;
  /** Every header by its lower-case name, unfolded (the last, when one is repeated). */
  headers: Record<string, string>;
  raw: string;
}

/** A real SMTP server in this process; `refuseWith` makes it answer every message with that code. */
export class SmtpListener {
  readonly messages: ReceivedMail[] = [];
  refuseWith?: number;
  /** How many messages were refused (while `refuseWith` was set). */
  refusals = 0;
  private server?: SMTPServer;

  async start(options: Partial<SMTPServerOptions> = {}): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      ...options,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refuseWith) {
            this.refusals++;
            const error = Object.assign(new Error('refused by the test listener'), {
              responseCode: this.refuseWith,
            });
            return callback(error);
          }
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                messageId: parsed.messageId ?? '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                headers: Object.fromEntries(
                  parsed.headerLines.map(({ key, line }) => [
                    key,
                    line
                      .slice(line.indexOf(':') + 1)
                      .replace(/\r?\n[ \t]+/g, ' ')
                      .trim(),
                  ]),
                ),
                raw: raw.toString('utf8'),
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    // A client killed mid-conversation (a fault test's kill -9) resets its connection: not an error here.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    const { port } = this.server!.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
