import { Job } from 'bullmq';
import { JobName, QueueName } from '@app/core';
import { Cast } from '../factories/cast.factory';
import { submitRequest, walk } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { openEventStream } from '../helpers/event-stream';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { MatrixCopy, matrixWithExpiry } from '../helpers/matrix-copy';
import { TestApp } from '../helpers/create-app';
import { settle } from '../helpers/mailbox';
import { SmtpListener } from '../helpers/smtp-listener';
import { waitFor } from '../helpers/wait-for';

describe('approval deadlines', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let cast: Cast;
  let matrix: MatrixCopy;

  let bed: MailTestBed;

  beforeAll(async () => {
    matrix = matrixWithExpiry();
    bed = await createMailTestBed({ RACI_DIR: matrix.dir });
    ({ t, smtp, cast } = bed);
  });
  afterAll(async () => {
    await bed.close();
    matrix.remove();
  });

  /** Runs a scheduled deadline job now instead of at its time. */
  const runNow = async (requestId: string, name: JobName) => {
    const job = await waitFor(
      async () => Job.fromId(t.queue(QueueName.Deadlines), `${requestId}.${name}`),
      `the ${name} job`,
    );
    expect(await job.getState()).toBe('delayed');
    await job.promote();
    await waitFor(
      async () =>
        (await job.getState()) === 'completed' &&
        (await Job.fromId(t.queue(QueueName.Deadlines), job.id!)),
      `the ${name} job to run`,
    );
    await settle(t);
  };

  it('reminds the approvers before the deadline, then expires the request where the catalog says so', async () => {
    const { onRequest: customer, provider } = cast;
    const { id, view } = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });
    const due = Date.parse(view.dueAt!);
    expect(due - Date.parse(view.createdAt)).toBeGreaterThanOrEqual(2 * 24 * 3600 * 1000 - 1_000);
    await settle(t);
    const delayed = await t.queue(QueueName.Deadlines).getDelayed();
    const deadline = delayed.find((job) => job.id === `${id}.${JobName.ApprovalDeadline}`)!;
    expect(deadline.timestamp + deadline.delay).toBeGreaterThanOrEqual(due - 1_000);

    await runNow(id, JobName.ApprovalReminder);
    const reminders = smtp.messages.filter(
      (m) => m.text.includes(id) && m.subject.startsWith('Reminder: approval needed'),
    );
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(
      [provider.approver.email, provider.secondApprover.email].sort(),
    );
    expect(reminders[0].text).toMatch(/^Approve: /m);

    // The consoles open on the approver's inbox are told it left, though no person acted.
    const server = await t.app.listen(0, '127.0.0.1');
    const stream = await openEventStream(server, '/v1/inbox/events', provider.approver.token);
    await runNow(id, JobName.ApprovalDeadline);
    expect((await api(t, provider.admin).get(`/v1/requests/${id}`).expect(200)).body.state).toBe(
      'expired',
    );
    await waitFor(
      () => stream.events.some(({ data }) => data.includes(id) && data.includes('request.expired')),
      'the live inbox event of the expiry',
    );
    stream.close();
    const history = (await api(t, provider.admin).get(`/v1/requests/${id}/history`).expect(200))
      .body.items;
    expect(history.pop()).toMatchObject({
      event: 'request.expired',
      actorId: null,
      comment: 'The approval deadline passed.',
    });
    const told = smtp.messages.filter(
      (m) =>
        m.text.includes(id) &&
        (m.subject.startsWith('Request expired') || m.subject.startsWith('Decision stuck')),
    );
    expect(told.map((m) => m.to[0])).toEqual(
      expect.arrayContaining([provider.admin.email, customer.requester.email]),
    );
    await api(t, provider.approver).post(`/v1/requests/${id}/approve`).expect(409);
  });

  it('escalates to the Accountable organization’s admins where the catalog does not say expire', async () => {
    const { onRequest: customer, provider } = cast;
    const { id } = await submitRequest(customer.requester, 'mariadb.modify-configurations', {
      resource: 'db-1',
      parameters: { max_connections: 500 },
    });
    await settle(t);
    await runNow(id, JobName.ApprovalDeadline);
    const escalations = smtp.messages.filter(
      (m) => m.text.includes(id) && m.subject.startsWith('Decision stuck'),
    );
    expect(escalations.map((m) => m.to[0])).toEqual([provider.admin.email]);
    expect(escalations[0].text).toContain('The approval deadline passed.');
    expect((await api(t, provider.admin).get(`/v1/requests/${id}`).expect(200)).body.state).toBe(
      'pending_approval',
    );
  });

  it('does nothing once the request was decided in time', async () => {
    const { onRequest: customer, provider } = cast;
    const replica = await submitRequest(customer.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-2',
    });
    const { id } = replica;
    await settle(t);
    await walk(replica, 'approve');
    await runNow(id, JobName.ApprovalDeadline);
    const job = await Job.fromId(t.queue(QueueName.Deadlines), `${id}.${JobName.ApprovalDeadline}`);
    expect(job!.returnvalue).toEqual({ requestId: id, outcome: 'decided-in-time' });
    expect((await api(t, provider.admin).get(`/v1/requests/${id}`).expect(200)).body.state).toBe(
      'approved',
    );
  });
});
