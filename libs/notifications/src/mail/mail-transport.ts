import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig, maskUrl } from '@app/core';
import { MailDelivery, MailMessage } from './mail-message';
import { SmtpSockets } from './smtp-socket';

/**
 * Sends mail through a pooled SMTP connection when SMTP_URL is set; otherwise writes each message
 * as an `.eml` file under MAIL_DIR, so a first-time user sees what would have been sent.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly smtp?: Transporter<SMTPPool.SentMessageInfo>;
  private readonly sockets?: SmtpSockets;
  private readonly files?: Transporter;

  constructor(private readonly config: AppConfig) {
    const url = config.env.SMTP_URL;
    if (url) {
      const pool = smtpPool(url, config.env.SMTP_POOL_SIZE);
      this.smtp = createTransport(pool.options);
      this.sockets = pool.sockets;
      this.logger.log(`mail goes to SMTP ${maskUrl(url)}`);
    } else {
      this.files = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
      this.logger.log(`SMTP_URL is not set: mail is written to ${config.env.MAIL_DIR}/*.eml`);
    }
  }

  async send(message: MailMessage): Promise<MailDelivery> {
    const envelope = {
      from: this.config.env.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: message.headers,
    };
    if (this.smtp) {
      const info = await this.smtp.sendMail(envelope);
      return {
        messageId: message.messageId,
        accepted: strings(info.accepted),
        rejected: strings(info.rejected),
        response: info.response,
      };
    }
    const info = (await this.files!.sendMail(envelope)) as { message: Buffer };
    await mkdir(this.config.env.MAIL_DIR, { recursive: true });
    const file = join(this.config.env.MAIL_DIR, emlFileName(message, new Date()));
    await writeFile(file, info.message);
    return {
      messageId: message.messageId,
      accepted: message.to,
      rejected: [],
      response: `written to ${file}`,
    };
  }

  onModuleDestroy(): void {
    this.smtp?.close();
    this.sockets?.close();
  }
}

/**
 * The engine's SMTP pool for `SMTP_URL`, and the sockets it connects through (to close with it); the
 * bench's direct baseline uses the same settings.
 */
export function smtpPool(
  url: string,
  maxConnections: number,
): { options: SMTPPool.Options; sockets: SmtpSockets } {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const host = parsed.hostname;
  const port = Number(parsed.port || (secure ? 465 : 587));
  const sockets = new SmtpSockets(host, port, 10_000);
  const options: SMTPPool.Options = {
    pool: true,
    maxConnections,
    host,
    port,
    secure,
    getSocket: sockets.getSocket,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  return { options, sockets };
}

function strings(addresses: (string | { address: string })[]): string[] {
  return addresses.map((a) => (typeof a === 'string' ? a : a.address));
}

/**
 * The `.eml` file of a message: when, for whom, about what, and a short id of its Message-ID, so
 * two messages never share a file: `2026-11-29T10-00-00Z_alice@example.com_approval-needed_3f9a0c1b.eml`.
 */
export function emlFileName(message: MailMessage, at: Date): string {
  const when = `${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
  const to = fileSafe(message.to.join('+')).slice(0, 80);
  const topic = fileSafe(message.topic ?? 'message').slice(0, 40);
  const id = createHash('sha256').update(message.messageId).digest('hex').slice(0, 8);
  return `${when}_${to}_${topic}_${id}.eml`;
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9@.+_-]/g, '_').replace(/^\.+/, '_');
}
