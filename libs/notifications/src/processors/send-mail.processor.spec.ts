import { Job } from 'bullmq';
import { AppConfig, JobData, JobName, SendMailResult } from '@app/core';
import { DeliveryLedger } from '../deliveries/delivery-ledger.service';
import { DeliveryStatus } from '../deliveries/notification-delivery.entity';
import { LiveLinks } from '../mail/live-links.service';
import { MailTransport } from '../mail/mail-transport';
import { mailConcurrency, SendMailProcessor } from './send-mail.processor';

type MailJob = Job<JobData<JobName.SendMail>, SendMailResult>;

/** A job as BullMQ hands it over: its data kept across attempts, as Redis keeps it. */
function jobOf(data: JobData<JobName.SendMail>): MailJob {
  const job = {
    data,
    attemptsMade: 0,
    opts: { attempts: 5 },
    updateData: jest.fn((next: JobData<JobName.SendMail>) => {
      job.data = next;
      return Promise.resolve();
    }),
  };
  return job as unknown as MailJob;
}

describe('SendMailProcessor', () => {
  const message = {
    messageId: '<m-1@raci-engine>',
    to: ['ada@example.com'],
    text: 'Approve: {{link:00112233aabbccdd}}',
    links: [{ slot: '00112233aabbccdd', kind: 'decision', id: 'l-1' }],
  };
  let send: jest.Mock;
  let settle: jest.Mock;
  let processor: SendMailProcessor;

  beforeEach(() => {
    send = jest.fn().mockResolvedValue({ response: '250 queued as A1' });
    settle = jest.fn().mockResolvedValue(undefined);
    const ledger = {
      claim: jest.fn().mockResolvedValue({ status: DeliveryStatus.Queued, message }),
      settle,
      settleSent: (id: string, attempts: number): Promise<void> =>
        settle(id, { sent: true, attempts }) as Promise<void>,
    } as unknown as DeliveryLedger;
    const links = {
      fill: jest.fn(({ links: _slots, ...sent }: typeof message) =>
        Promise.resolve({
          ...sent,
          text: 'Approve: https://raci.example/v1/email-actions/l-1.mac',
        }),
      ),
    } as unknown as LiveLinks;
    const config = { env: { SMTP_POOL_SIZE: 5 } } as unknown as AppConfig;
    processor = new SendMailProcessor({ send } as unknown as MailTransport, ledger, links, config);
  });

  it('sends the message with its links made as it goes out', async () => {
    await processor.process(jobOf({ deliveryId: 'd-1', retry: 0 }));
    expect(send).toHaveBeenCalledWith({
      messageId: '<m-1@raci-engine>',
      to: ['ada@example.com'],
      text: 'Approve: https://raci.example/v1/email-actions/l-1.mac',
    });
  });

  it('sends, keeps the answer with the job, then records the sending', async () => {
    const job = jobOf({ deliveryId: 'd-1', retry: 0 });
    expect(await processor.process(job)).toEqual({
      deliveryId: 'd-1',
      outcome: 'sent',
      response: '250 queued as A1',
    });
    expect(job.data.accepted).toBe('250 queued as A1');
    expect(settle).toHaveBeenCalledWith('d-1', { sent: true, attempts: 1 });
  });

  it('records, without sending again, a message accepted while the ledger could not be written', async () => {
    const job = jobOf({ deliveryId: 'd-1', retry: 0 });
    settle.mockRejectedValueOnce(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    await expect(processor.process(job)).rejects.toThrow('ECONNREFUSED');

    const outcome = await processor.process(job);

    expect(send).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ outcome: 'sent', response: '250 queued as A1' });
    expect(settle).toHaveBeenLastCalledWith('d-1', { sent: true, attempts: 1 });
  });

  it('records a refusal and leaves a temporary one to the retries', async () => {
    const job = jobOf({ deliveryId: 'd-1', retry: 0 });
    send.mockRejectedValueOnce(Object.assign(new Error('try later'), { responseCode: 451 }));
    await expect(processor.process(job)).rejects.toThrow('try later');
    expect(job.data.accepted).toBeUndefined();
    expect(settle).toHaveBeenCalledWith('d-1', {
      sent: false,
      attempts: 1,
      error: 'SMTP 451: try later',
      final: false,
    });
  });

  it('takes as many jobs at a time as twice the SMTP pool, set once the worker exists', () => {
    const worker = { concurrency: 8 };
    Object.defineProperty(processor, 'worker', { get: () => worker });
    processor.onApplicationBootstrap();
    expect(worker.concurrency).toBe(10);
    expect(mailConcurrency(1)).toBe(2);
  });
});
