import { submitRequest } from '../factories/request.factory';
import { api } from '../helpers/api.client';
import { createMailTestBed, MailTestBed } from '../helpers/mail-test-bed';
import { settle } from '../helpers/mailbox';

describe('a deactivated user gets no more mail', () => {
  let bed: MailTestBed;

  beforeAll(async () => {
    bed = await createMailTestBed();
  });
  afterAll(() => bed.close());

  it('asks the active approvers only', async () => {
    const { t, smtp, cast } = bed;
    const { provider, onRequest } = cast;
    await api(t, provider.admin)
      .patch(`/v1/users/${provider.secondApprover.id}`, { active: false })
      .expect(200);
    const { id } = await submitRequest(onRequest.requester, 'mariadb.add-read-only-replica', {
      instance: 'db-1',
    });
    await settle(t);
    const recipients = smtp.messages
      .filter((mail) => mail.text.includes(id))
      .flatMap((mail) => mail.to);
    expect(recipients).toContain(provider.approver.email);
    expect(recipients).not.toContain(provider.secondApprover.email);
  });
});
