import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobData, JobName, SendSignInLinkResult } from '@app/core';
import { Locale, SignInLinks, SignInMail } from '@app/parties';
import { MailTransport } from '../mail/mail-transport';
import { SendSignInLinkProcessor } from './send-sign-in-link.processor';

type SignInJob = Job<JobData<JobName.SendSignInLink>, SendSignInLinkResult>;

const LINK_ID = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const URL = `https://raci.example/auth/email-link/${LINK_ID}.mac-of-the-link`;
const MAIL: SignInMail = {
  linkId: LINK_ID,
  to: 'ada@globex.example',
  url: URL,
  locale: Locale.En,
  expiresAt: new Date('2026-12-02T10:45:00.000Z'),
};

const jobOf = (linkId = LINK_ID) => ({ data: { linkId } }) as unknown as SignInJob;

describe('SendSignInLinkProcessor', () => {
  let send: jest.Mock;
  let mailOf: jest.Mock;
  let processor: SendSignInLinkProcessor;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    send = jest.fn().mockResolvedValue({ response: '250 queued as A1' });
    mailOf = jest.fn().mockResolvedValue(MAIL);
    processor = new SendSignInLinkProcessor(
      { mailOf } as unknown as SignInLinks,
      { send } as unknown as MailTransport,
    );
  });

  it('mails the link to its person, and keeps it out of the result', async () => {
    const result = await processor.process(jobOf());
    expect(result).toEqual({ linkId: LINK_ID, outcome: 'sent', response: '250 queued as A1' });
    expect(JSON.stringify(result)).not.toContain('mac-of-the-link');
    const [message] = send.mock.calls[0] as [{ to: string[]; subject: string; text: string }];
    expect(message).toMatchObject({
      messageId: `<sign-in.${LINK_ID}@raci-engine>`,
      to: ['ada@globex.example'],
      subject: 'Sign in to raci-engine',
      topic: 'sign-in',
    });
    expect(message.text).toContain(URL);
  });

  it('sends nothing for a link that can no longer sign in', async () => {
    mailOf.mockResolvedValue(null);
    expect(await processor.process(jobOf())).toEqual({ linkId: LINK_ID, outcome: 'gone' });
    expect(send).not.toHaveBeenCalled();
  });

  it('fails at once on a permanent refusal, and leaves a passing one to be retried', async () => {
    send.mockRejectedValue(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
    await expect(processor.process(jobOf())).rejects.toBeInstanceOf(UnrecoverableError);
    const busy = Object.assign(new Error('try again later'), { responseCode: 421 });
    send.mockRejectedValue(busy);
    await expect(processor.process(jobOf())).rejects.toBe(busy);
  });
});
