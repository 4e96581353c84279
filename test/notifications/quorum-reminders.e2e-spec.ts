import { Job } from 'bullmq';
import { JobName, QueueName } from '@app/core';
import { Cast } from '../factories/cast.factory';
import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { TestApp } from '../helpers/create-app';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { settle } from '../helpers/mailbox';
import { MatrixCopy } from '../helpers/matrix-copy';
import { matrixWithQuorum } from '../helpers/quorum-matrix';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

/**
 * Mail of a quorum, through real SMTP: those still awaited are asked and reminded; those whose
 * approval counts no longer are, and nobody is told of an approval short of the quorum.
 */
describe('quorum approvals: who is asked and reminded', () => {
  let bed: MailTestBed;
  let t: TestApp;
  let smtp: SmtpListener;
  let cast: Cast;
  let matrix: MatrixCopy;

  beforeAll(async () => {
    matrix = matrixWithQuorum('mariadb.add-read-only-replica', 2);
    bed = await createMailTestBed({ RACI_DIR: matrix.dir });
    ({ t, smtp, cast } = bed);
  });
  afterAll(async () => {
    await bed?.close();
    matrix?.remove();
  });

  const mailAbout = (id: string, subject: string) =>
    smtp.messages
      .filter((m) => m.text.includes(id) && m.subject.startsWith(subject))
      .map((m) => m.to[0])
      .sort();

  it('reminds the approvers still awaited, not those who approved', async () => {
    const { onRequest: customer, provider } = cast;
    const { id } = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-quorum',
    });
    await settle(t);
    const approvers = [provider.approver.email, provider.secondApprover.email].sort();
    expect(mailAbout(id, 'Approval needed')).toEqual(approvers);

    const before = smtp.messages.length;
    await api(t, provider.approver).post(`/v1/requests/${id}/approve`, {}).expect(200);
    await settle(t);
    // An approval short of the quorum tells nobody: the request still waits on the others.
    expect(smtp.messages.slice(before).filter((m) => m.text.includes(id))).toEqual([]);

    const reminder = await waitFor(
      async () => Job.fromId(t.queue(QueueName.Deadlines), `${id}.${JobName.ApprovalReminder}`),
      'the reminder job',
    );
    await reminder.promote();
    await waitFor(async () => (await reminder.getState()) === 'completed', 'the reminder to run');
    await settle(t);
    expect(mailAbout(id, 'Reminder: approval needed')).toEqual([provider.secondApprover.email]);

    await api(t, provider.secondApprover).post(`/v1/requests/${id}/approve`, {}).expect(200);
    await settle(t);
    expect((await api(t, provider.admin).get(`/v1/requests/${id}`).expect(200)).body.state).toBe(
      'approved',
    );
  });
});
