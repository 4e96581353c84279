import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/core';
import { TestApp } from './create-app';
import { ReceivedMail, SmtpListener } from './smtp-listener';
import { waitFor } from './wait-for';
import { waitForJobs } from './wait-for-jobs';

/**
 * Waits until the outbox is relayed and every queue of the notification pipeline is idle, so what
 * was owed has been sent.
 */
export async function settle(t: TestApp, timeoutMs = 20_000): Promise<void> {
  const dataSource = t.app.get(DataSource);
  await waitFor(
    async () =>
      Number(
        (
          await dataSource.query(
            'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL',
          )
        )[0].n,
      ) === 0,
    'the outbox to be relayed',
    { timeoutMs },
  );
  const queues: Queue[] = [t.queue(QueueName.Notifications), t.queue(QueueName.Mail)];
  // Twice: planning a message adds mail jobs after the first queue drained.
  for (let round = 0; round < 2; round++) {
    for (const queue of queues) await waitForJobs(queue, timeoutMs);
  }
}

/** The messages about one request, as "headline -> recipient", sorted. */
export function lettersAbout(smtp: SmtpListener, requestId: string): string[] {
  return smtp.messages
    .filter((mail) => mail.text.includes(requestId))
    .map((mail: ReceivedMail) => `${mail.subject.split(':')[0]} -> ${mail.to.join(',')}`)
    .sort();
}
