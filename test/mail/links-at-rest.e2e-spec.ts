import { Job } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import { MailLinksAtRest1764000000018 } from '@app/core/database/migrations/1764000000018-mail-links-at-rest';
import { NotificationDelivery } from '@app/notifications';
import { Cast } from '../factories/cast.factory';
import { Actor } from '../factories/parties.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { mailTo } from '../helpers/mail-fields';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { settle } from '../helpers/mailbox';
import { ReceivedMail, SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

const PUBLIC_URL = 'https://raci.example';
const REPLICA = 'mariadb.add-read-only-replica';
/** A working link's token, decision or unsubscribe: `<uuid>.<base64url HMAC-SHA256>`. */
const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{43}/g;
const STATES = [
  'active',
  'completed',
  'delayed',
  'failed',
  'prioritized',
  'waiting',
  'waiting-children',
] as const;
const INJECTED =
  'Looks fine\nApprove: https://evil.example/approve\nReject: https://evil.example/x';

const nameOf = (actor: Actor) => `User ${actor.email.split('@')[0]}`;
const lines = (text: string) => text.replace(/\r\n/g, '\n').split('\n');

describe('links in mail', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;
  let cast: Cast;

  beforeAll(async () => {
    bed = await createMailTestBed({ PUBLIC_URL });
    ({ t, smtp, cast } = bed);
  });
  afterAll(() => bed.close());

  /** Everything Redis keeps of every job of every queue: data, results, errors. */
  const jobsAtRest = async (): Promise<string[]> => {
    const kept: string[] = [];
    for (const name of Object.values(QueueName)) {
      const jobs: Job[] = await t.queue(name).getJobs([...STATES]);
      for (const job of jobs) {
        const { data, returnvalue, failedReason, stacktrace } = job;
        kept.push(JSON.stringify({ data, returnvalue, failedReason, stacktrace }));
      }
    }
    return kept;
  };
  /** The stored message of every delivery about a request, as the database returns it. */
  const messagesAtRest = async (requestId: string): Promise<string[]> => {
    const rows: { message: unknown }[] = await t.app
      .get(DataSource)
      .query(`SELECT message FROM notification_deliveries WHERE request_id = '${requestId}'`);
    return rows.map(({ message }) =>
      typeof message === 'string' ? message : JSON.stringify(message),
    );
  };
  const tokensIn = (texts: string[]) => texts.flatMap((text) => text.match(TOKEN) ?? []);
  const submit = async () => {
    const { requester } = cast.onRequest;
    const { id } = await submitRequest(
      requester,
      REPLICA,
      { instance: 'db-1' },
      { comment: INJECTED },
    );
    await settle(t);
    return id;
  };
  const linkOf = (mail: ReceivedMail, label: string) =>
    new RegExp(`^${label}: (\\S+)$`, 'm').exec(mail.text)?.[1];

  it('keeps no working link in Redis or the database; the mail sent carries links that work', async () => {
    const id = await submit();
    const approval = mailTo(smtp, cast.provider.approver.email, id, 'Approval needed');
    const informed = mailTo(smtp, cast.onRequest.requester.email, id, 'Request submitted');

    const sent = [approval, informed].flatMap((mail) => [mail.text, mail.html, mail.raw]);
    const working = tokensIn(sent);
    expect(working.length).toBeGreaterThanOrEqual(3);
    const stored = await messagesAtRest(id);
    expect(stored.length).toBeGreaterThanOrEqual(4);
    const jobs = await jobsAtRest();
    expect(jobs.some((job) => job.includes(id))).toBe(true);
    expect(tokensIn(stored)).toEqual([]);
    expect(tokensIn(jobs)).toEqual([]);
    // The stored messages hold their links by reference only.
    expect(stored.join('\n')).toContain('{{link:');
    expect(stored.join('\n')).not.toContain('/v1/email-actions/');
    expect(stored.join('\n')).not.toContain('/v1/unsubscribe/');

    // The links the recipients got work: each opens its confirmation page.
    const approve = new URL(linkOf(approval, 'Approve')!);
    expect(approve.origin).toBe(PUBLIC_URL);
    const page = await request(t.http).get(approve.pathname).expect(200);
    expect(page.text).toContain('Add a MariaDB read-only Replica');
    const unsubscribe = new URL(informed.headers['list-unsubscribe'].replace(/^<|>$/g, ''));
    await request(t.http).get(unsubscribe.pathname).expect(200);
    expect(approval.html).toContain(`href="${approve.href}"`);
  });

  it('sends a dead letter again exactly as it was, its links made anew from their ids', async () => {
    const id = await submit();
    const first = mailTo(smtp, cast.provider.approver.email, id, 'Approval needed');
    const informed = mailTo(smtp, cast.onRequest.requester.email, id, 'Request submitted');
    const db = t.app.get(DataSource);
    const failed: { id: string; message_id: string }[] = await db.query(
      `SELECT id, message_id FROM notification_deliveries WHERE request_id = '${id}' AND message_id IN ('${first.messageId}', '${informed.messageId}')`,
    );
    expect(failed).toHaveLength(2);
    await db.query(
      `UPDATE notification_deliveries SET status = 'failed' WHERE request_id = '${id}' AND message_id IN ('${first.messageId}', '${informed.messageId}')`,
    );

    for (const delivery of failed) {
      await api(t, cast.provider.admin).post(`/v1/notifications/${delivery.id}/retry`).expect(202);
    }
    const again = (mail: ReceivedMail) =>
      waitFor(
        () => smtp.messages.filter((m) => m.messageId === mail.messageId)[1],
        `${mail.subject} sent again`,
      );

    for (const mail of [first, informed]) {
      const resent = await again(mail);
      expect(resent.text).toBe(mail.text);
      expect(resent.html).toBe(mail.html);
      expect(resent.headers['list-unsubscribe']).toBe(mail.headers['list-unsubscribe']);
    }
    await settle(t);
    expect(tokensIn(await jobsAtRest())).toEqual([]);
    expect(tokensIn(await messagesAtRest(id))).toEqual([]);
  });

  it('puts the links of messages recorded before by reference, and sends them again the same', async () => {
    const id = await submit();
    const mail = mailTo(smtp, cast.provider.approver.email, id, 'Approval needed');
    const deliveries = t.app.get(DataSource).getRepository(NotificationDelivery);
    const delivery = await deliveries.findOneByOrFail({ messageId: mail.messageId });
    // As an engine before this change recorded it: the rendered message, its links working.
    const recorded = { ...delivery.message, text: mail.text, html: mail.html };
    delete recorded.links;
    await deliveries.update(delivery.id, {
      message: recorded,
      status: 'failed' as NotificationDelivery['status'],
    });
    expect(tokensIn(await messagesAtRest(id)).length).toBeGreaterThan(0);

    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await new MailLinksAtRest1764000000018().up(runner);
    } finally {
      await runner.release();
    }

    expect(tokensIn(await messagesAtRest(id))).toEqual([]);
    await api(t, cast.provider.admin).post(`/v1/notifications/${delivery.id}/retry`).expect(202);
    const resent = await waitFor(
      () => smtp.messages.filter((m) => m.messageId === mail.messageId)[1],
      'the message sent again',
    );
    expect(resent.text).toBe(mail.text);
    expect(resent.html).toBe(mail.html);
  });

  it('quotes what people wrote under their name, after the engine’s own links', async () => {
    const id = await submit();
    const mail = mailTo(smtp, cast.provider.approver.email, id, 'Approval needed');
    const text = lines(mail.text);

    const approveLines = text.filter((line) => /^Approve:/.test(line));
    expect(approveLines).toHaveLength(1);
    expect(approveLines[0]).toMatch(new RegExp(`^Approve: ${PUBLIC_URL}/v1/email-actions/`));
    expect(text.filter((line) => line.includes('evil.example'))).toEqual([
      '> Approve: https://evil.example/approve',
      '> Reject: https://evil.example/x',
    ]);
    const heading = text.indexOf(`Comment from ${nameOf(cast.onRequest.requester)}:`);
    expect(heading).toBeGreaterThan(text.indexOf(approveLines[0]));
    expect(heading).toBeGreaterThan(text.findIndex((line) => line.startsWith('View the request:')));
    expect(text.slice(heading + 1, heading + 4)).toEqual(
      lines(INJECTED).map((line) => `> ${line}`),
    );

    // The requester's own Informed mail offers its unsubscribe before the comment, too.
    const informed = lines(
      mailTo(smtp, cast.onRequest.requester.email, id, 'Request submitted').text,
    );
    expect(
      informed.findIndex((line) => /^To stop these updates, unsubscribe: https:\/\//.test(line)),
    ).toBeLessThan(informed.indexOf(`Comment from ${nameOf(cast.onRequest.requester)}:`));

    // In HTML too: the engine's links first, the comment after them, quoted line by line.
    const html = mail.html;
    expect(html).not.toContain('href="https://evil.example');
    expect(html.indexOf('&gt; Approve: https://evil.example/approve')).toBeGreaterThan(
      html.lastIndexOf(`href="${PUBLIC_URL}/requests/`),
    );
    expect(html).toContain(
      `<h3>Comment from ${nameOf(cast.onRequest.requester)}:</h3><blockquote>&gt; Looks fine<br>&gt; Approve:`,
    );
  });
});
