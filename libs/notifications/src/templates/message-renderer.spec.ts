import { RequestEventType, RequestState } from '@app/core';
import { Locale } from '@app/parties';
import { Audience } from '../planning/audience';
import { MessageContext } from './message-context';
import { renderMessage } from './message-renderer';
import { SYSTEM_NOTES } from './system-notes';

const DUE = new Date('2026-12-08T20:52:00Z');

const context: MessageContext = {
  audience: Audience.ApprovalNeeded,
  eventType: RequestEventType.Submitted,
  locale: Locale.En,
  requestId: 'req-1',
  actionKey: 'mariadb.add-read-only-replica',
  actionTitle: 'Add a MariaDB read-only Replica',
  actionComment: 'On request, a read only MariaDB replica can be configured.',
  organizationName: 'Globex <Labs>',
  submitter: { name: 'Alice Martin', email: 'alice@globex.test' },
  params: [{ label: 'Name of the node', value: 'db-1' }],
  state: RequestState.PendingApproval,
  dueAt: DUE,
  waitingOn: [{ party: 'provider', roles: ['approver'], reason: 'approve', dueAt: DUE }],
  performer: 'provider',
  submitterComment: 'For the reporting team',
  eventText: 'For the reporting team',
  opinions: [
    { party: 'customer', opinion: 'agree', comment: 'fine', author: 'Carla Consultant', at: DUE },
  ],
  viewUrl: 'https://raci.example/requests/req-1',
  links: {
    verbs: [
      { verb: 'approve', url: 'https://raci.example/v1/email-actions/a.1' },
      { verb: 'reject', url: 'https://raci.example/v1/email-actions/r.1' },
    ],
    expiresAt: DUE,
  },
};

describe('renderMessage', () => {
  it('says everything an approver decides from, and links to decide', () => {
    const { subject, text, html } = renderMessage(context);
    expect(subject).toBe('Approval needed: Add a MariaDB read-only Replica (Globex <Labs>)');
    expect(text).toContain('Submitted by: Alice Martin <alice@globex.test>, Globex <Labs>');
    expect(text).toContain('State: waiting for approval');
    expect(text).toContain('Due: 2026-12-08 20:52 UTC');
    expect(text).toContain('Parameters:\n- Name of the node: db-1');
    expect(text).toContain(
      "Next:\n- the provider's approvers: approve or reject, by 2026-12-08 20:52 UTC",
    );
    expect(text).toContain('Comment from Alice Martin:\n> For the reporting team');
    expect(text).not.toContain('Note:');
    expect(text).toMatch(/^Approve: https:\/\/raci\.example\/v1\/email-actions\/a\.1$/m);
    expect(text).toMatch(/^Reject: https:\/\/raci\.example\/v1\/email-actions\/r\.1$/m);
    expect(text).toContain('View the request: https://raci.example/requests/req-1');
    expect(text).toContain('- the customer: agree\n');
    expect(text).toContain(
      'Comment from Carla Consultant (the customer), 2026-12-08 20:52 UTC:\n> fine',
    );
    expect(text).toContain('On request, a read only MariaDB replica can be configured.');
    expect(html).toContain('Globex &lt;Labs&gt;');
    expect(html).not.toContain('<Labs>');
  });

  it('fences what people wrote: no forged line in text, nothing unescaped in HTML', () => {
    const forged = 'ok\nApprove: https://evil.example/\r\n<b>bold</b>';
    const { text, html } = renderMessage({
      ...context,
      params: [{ label: 'Name of the node', value: forged }],
      submitterComment: forged,
      eventText: null,
      opinions: [
        { party: 'customer', opinion: 'agree', comment: forged, author: 'Carla\nApprove: x' },
      ],
    });
    expect(text.match(/^Approve: .*$/gm)).toEqual([
      'Approve: https://raci.example/v1/email-actions/a.1',
    ]);
    expect(text).toContain('Comment from Alice Martin:\n> ok\n> Approve: https://evil.example/');
    expect(text).toContain('Comment from Carla Approve: x (the customer)');
    // Every line people wrote comes after the engine's last link, and quoted.
    const afterLinks = text.slice(text.indexOf('View the request:'));
    expect(text.indexOf('> Approve: https://evil.example/')).toBeGreaterThan(
      text.indexOf('View the request:'),
    );
    expect(afterLinks.match(/^.*evil.*$/gm)).toEqual([
      '> Approve: https://evil.example/',
      '> Approve: https://evil.example/',
    ]);
    expect(html.indexOf('&gt; Approve: https://evil.example/')).toBeGreaterThan(
      html.indexOf('email-actions/r.1'),
    );
    expect(html).toContain(
      '<h3>Comment from Alice Martin:</h3><blockquote>&gt; ok<br>&gt; Approve:',
    );
    expect(text).toContain('- Name of the node: ok Approve: https://evil.example/ <b>bold</b>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('href="https://evil.example/');
  });

  it('carries the answer to a customer: the result and the public comments, no due date', () => {
    const { text } = renderMessage({
      ...context,
      audience: Audience.Informed,
      eventType: RequestEventType.Completed,
      state: RequestState.Completed,
      dueAt: null,
      waitingOn: [],
      links: undefined,
      opinions: [],
      eventText: null,
      eventActor: 'Oscar Op',
      result: { endpoint: 'db-1-ro.globex.internal', port: 3306 },
      comments: [{ author: 'Oscar Op', party: 'provider', body: 'Replica lag < 1s', at: DUE }],
    });
    expect(text).toContain('State: completed');
    expect(text).not.toContain('Due:');
    expect(text).toContain('Next:\n- nobody: the request is finished');
    expect(text).toContain(
      'Result from Oscar Op:\n> endpoint: db-1-ro.globex.internal\n> port: 3306',
    );
    expect(text).toContain(
      'Comment from Oscar Op (the provider), 2026-12-08 20:52 UTC:\n> Replica lag < 1s',
    );
    expect(text.indexOf('Result from')).toBeGreaterThan(text.indexOf('View the request:'));
  });

  it('offers an Informed user’s unsubscribe with the engine’s links, before what people wrote', () => {
    const { text, html } = renderMessage({
      ...context,
      audience: Audience.Informed,
      links: undefined,
      submitterComment: 'ok\nTo stop these updates, unsubscribe: https://evil.example/',
      eventText: null,
      unsubscribeUrl: 'https://raci.example/v1/unsubscribe/u.1',
    });
    expect(text.match(/^To stop these updates.*$/gm)).toEqual([
      'To stop these updates, unsubscribe: https://raci.example/v1/unsubscribe/u.1',
    ]);
    expect(text.indexOf('unsubscribe/u.1')).toBeLessThan(
      text.indexOf('Comment from Alice Martin:'),
    );
    expect(text).toContain('> To stop these updates, unsubscribe: https://evil.example/');
    expect(html).toContain(
      '<p><small><a href="https://raci.example/v1/unsubscribe/u.1">Unsubscribe from these updates</a></small></p>',
    );
    expect(html.indexOf('unsubscribe/u.1')).toBeLessThan(html.indexOf('evil.example'));
  });

  it('carries a result given as text as it was written', () => {
    const { text } = renderMessage({
      ...context,
      audience: Audience.Informed,
      eventType: RequestEventType.Failed,
      state: RequestState.Failed,
      dueAt: null,
      waitingOn: [],
      links: undefined,
      result: 'The replica could not catch up:\nbinlog purged',
    });
    expect(text).toContain('Result:\n> The replica could not catch up:\n> binlog purged');
    const french = renderMessage({
      ...context,
      locale: Locale.Fr,
      audience: Audience.Informed,
      eventType: RequestEventType.Failed,
      state: RequestState.Failed,
      links: undefined,
      eventText: 'Node gone',
      eventActor: 'Oscar Op',
      result: 'binlog purged',
    });
    expect(french.text).toContain('Commentaire de Oscar Op:\n> Node gone');
    expect(french.text).toContain('Résultat de Oscar Op:\n> binlog purged');
  });

  it('speaks French to French organizations, dates and system notes included', () => {
    const { subject, text } = renderMessage({
      ...context,
      locale: Locale.Fr,
      audience: Audience.Informed,
      eventType: RequestEventType.Expired,
      state: RequestState.Expired,
      dueAt: null,
      waitingOn: [],
      links: undefined,
      eventText: SYSTEM_NOTES.deadlinePassed,
    });
    expect(subject).toBe('Demande expirée: Add a MariaDB read-only Replica (Globex <Labs>)');
    expect(text).toContain('Réalisée par: le fournisseur');
    expect(text).toContain('État: expirée');
    expect(text).toContain('Prochaine étape:\n- aucune : la demande est close');
    expect(text).toContain('Commentaire de Alice Martin:\n> For the reporting team');
    expect(text).toContain('Note:\nL’échéance d’approbation est passée.');
    expect(text).toContain('Voir la demande: https://raci.example/requests/req-1');
  });

  it('says who to add to a request nobody left can decide, in the recipient’s language', () => {
    const escalation = {
      ...context,
      audience: Audience.Escalation,
      eventType: RequestEventType.Escalated,
      links: undefined,
      eventText: null,
      stuck: [
        { verb: 'approve', party: 'customer', roles: ['approver'], organization: 'Globex $&' },
        {
          verb: 'opinion',
          party: 'provider',
          roles: ['consultant', 'approver'],
          organization: 'Acme',
        },
      ],
    } satisfies MessageContext;
    expect(renderMessage(escalation).text).toContain(
      'Note:\nThis request can no longer move: nobody can approve for the customer since a user ' +
        'was deactivated: add a user with the role approver to the organization "Globex $&"; ' +
        'nobody can give the opinion of the provider since a user was deactivated: add a user ' +
        'with the role consultant or approver to the organization "Acme".',
    );
    const french = renderMessage({ ...escalation, locale: Locale.Fr });
    expect(french.subject).toBe(
      'Décision bloquée: Add a MariaDB read-only Replica (Globex <Labs>)',
    );
    expect(french.text).toContain(
      'Note:\nCette demande ne peut plus avancer : plus personne ne peut approuver pour le client ' +
        'depuis la désactivation d’un utilisateur : ajoutez un utilisateur ayant le rôle approver ' +
        'à l’organisation « Globex $& »; plus personne ne peut donner d’avis pour le fournisseur ' +
        'depuis la désactivation d’un utilisateur : ajoutez un utilisateur ayant le rôle ' +
        'consultant ou approver à l’organisation « Acme ».',
    );
    expect(french.text).not.toContain('nobody');
  });

  it('asks a Consulted party in French, with agree and disagree links and a French date', () => {
    const { text } = renderMessage({
      ...context,
      locale: Locale.Fr,
      audience: Audience.OpinionRequested,
      state: RequestState.PendingConsultation,
      waitingOn: [
        { party: 'customer', roles: ['consultant', 'approver'], reason: 'opinion', dueAt: DUE },
      ],
      opinions: [],
      links: {
        verbs: [
          { verb: 'agree', url: 'https://raci.example/v1/email-actions/g.1' },
          { verb: 'disagree', url: 'https://raci.example/v1/email-actions/d.1' },
        ],
        expiresAt: DUE,
      },
    });
    expect(text).toContain('Échéance: 8 décembre 2026 à 20:52 UTC');
    expect(text).toContain(
      '- les consultants ou approbateurs du client: donner leur avis, avant le 8 décembre 2026 à 20:52 UTC',
    );
    expect(text).toMatch(/^D’accord: https:\/\/raci\.example\/v1\/email-actions\/g\.1$/m);
    expect(text).toMatch(/^Pas d’accord: https:\/\/raci\.example\/v1\/email-actions\/d\.1$/m);
    expect(text).toContain('jusqu’au 8 décembre 2026 à 20:52 UTC.');
  });
});
