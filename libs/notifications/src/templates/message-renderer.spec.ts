import { Locale } from '@app/parties';
import { Audience } from '../planning/audience';
import { MessageContext } from './message-context';
import { renderMessage } from './message-renderer';
import { RequestEventType } from '@app/core';

const context: MessageContext = {
  audience: Audience.ApprovalNeeded,
  eventType: RequestEventType.Submitted,
  locale: Locale.En,
  requestId: 'req-1',
  actionKey: 'mariadb.add-read-only-replica',
  actionTitle: 'Add a MariaDB read-only Replica',
  actionComment: 'On request, a read only MariaDB replica can be configured.',
  organizationName: 'Globex <Labs>',
  state: 'pending_approval',
  performer: 'provider',
  eventText: null,
  opinions: [{ party: 'customer', opinion: 'agree', comment: 'fine' }],
};

describe('renderMessage', () => {
  it('writes the ask, the action, its comment and the opinions', () => {
    const message = renderMessage(context);
    expect(message.subject).toBe(
      'Approval needed: Add a MariaDB read-only Replica (Globex <Labs>)',
    );
    expect(message.text).toContain('Performed by: the provider');
    expect(message.text).toContain('- the customer: agree (fine)');
    expect(message.text).toContain('On request, a read only MariaDB replica can be configured.');
    expect(message.html).toContain('Globex &lt;Labs&gt;');
    expect(message.html).not.toContain('<Labs>');
  });

  it('speaks French to French organizations', () => {
    const message = renderMessage({
      ...context,
      locale: Locale.Fr,
      audience: Audience.Informed,
      eventType: RequestEventType.Rejected,
      eventText: 'Quota dépassé',
    });
    expect(message.subject).toBe(
      'Demande rejetée: Add a MariaDB read-only Replica (Globex <Labs>)',
    );
    expect(message.text).toContain('Réalisée par: le fournisseur');
    expect(message.text).toContain('Note: Quota dépassé');
  });
});
