import { Browser } from 'playwright-core';
import { Cast, createCast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { launchBrowser } from '../helpers/browser';
import { createTestApp, TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { freePort } from '../helpers/throwaway-redis';

describe('approving from the email, in a real browser', () => {
  jest.setTimeout(60_000);
  let smtp: SmtpListener;
  let t: TestApp;
  let cast: Cast;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    smtp = await new SmtpListener().start();
    t = await createTestApp({
      withWorker: true,
      env: { SMTP_URL: smtp.url, RELAY_POLL_MS: '50', PUBLIC_URL: `http://127.0.0.1:${port}` },
    });
    await t.app.listen(port, '127.0.0.1');
    cast = await createCast(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await smtp.stop();
  });

  it('works once, from its confirmation page, for its approver only', async () => {
    const { id } = await submitRequest(cast.onRequest.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-9',
    });
    await settle(t);
    const mail = smtp.messages.find(
      (m) => m.to[0] === cast.provider.approver.email && m.text.includes(id),
    )!;
    const approveUrl = /^Approve: (\S+)$/m.exec(mail.text)![1];

    const page = await browser.newPage();
    await page.goto(approveUrl);
    expect(await page.textContent('h1')).toBe('Approve this request?');
    expect((await api(t, cast.provider.admin).get(`/v1/requests/${id}`)).body.state).toBe(
      'pending_approval',
    );
    await page.fill('textarea[name=reason]', 'Approved from my phone');
    await Promise.all([page.waitForNavigation(), page.click('#confirm')]);
    expect(await page.textContent('#result')).toContain('is now approved');

    const history = (await api(t, cast.provider.admin).get(`/v1/requests/${id}/history`)).body
      .items;
    expect(history.pop()).toMatchObject({
      event: 'request.approved',
      actorId: cast.provider.approver.id,
      comment: 'Approved from my phone',
    });

    const reused = await page.goto(approveUrl);
    expect(reused!.status()).toBe(410);
    expect(await page.textContent('#problem')).toContain('already used');

    // The other approver's link now finds the request decided.
    const other = smtp.messages.find(
      (m) => m.to[0] === cast.provider.secondApprover.email && m.text.includes(id),
    )!;
    const late = await page.goto(/^Approve: (\S+)$/m.exec(other.text)![1]);
    expect(late!.status()).toBe(410);
    expect(await page.textContent('#problem')).toContain(
      `no longer applies: the request was approved by User ${cast.provider.approver.email.split('@')[0]}`,
    );
    expect(await page.$('#confirm')).toBeNull();
    await page.close();
  });
});
