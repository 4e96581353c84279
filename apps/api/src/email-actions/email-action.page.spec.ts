import { Locale } from '@app/parties';
import type { LinkSummary } from '@app/requests';
import { closedPage, confirmationPage, donePage } from './email-action.page';

const summary: LinkSummary = {
  verb: 'approve',
  requestId: 'req-1',
  actionTitle: 'Add a <MariaDB> replica',
  organizationName: 'Globex',
  state: 'pending_approval',
  locale: Locale.En,
  holderId: '00000000-0000-4000-8000-0000000000ff',
  needsStepUp: false,
};
const VIEW = 'https://raci.example/requests/req-1';

describe('email action pages', () => {
  it('asks before acting, with a form, everything escaped', () => {
    const html = confirmationPage(summary, VIEW);
    expect(html).toContain('<h1>Approve this request?</h1>');
    expect(html).toContain('<form method="post">');
    expect(html).toContain('Add a &lt;MariaDB&gt; replica');
    expect(html).toContain(`href="${VIEW}"`);
    expect(html).toContain('now waiting for approval');
  });

  it('says what happened to a closed link and who did it, and offers no form', () => {
    const html = closedPage(
      {
        ...summary,
        state: 'approved',
        closed: {
          reason: 'moved-on',
          event: 'request.approved',
          toState: 'approved',
          actorId: 'u2',
          at: '2026-12-02T10:40:00.000Z',
          by: { id: 'u2', name: 'Bob <b>', email: 'bob@provider.test' },
        },
      },
      VIEW,
    );
    expect(html).toContain(
      'This link no longer applies: the request was approved by Bob &lt;b&gt; (bob@provider.test) on 2026-12-02 10:40 UTC.',
    );
    expect(html).not.toContain('<form');
  });

  it('speaks French to a French holder', () => {
    const french = { ...summary, locale: Locale.Fr, verb: 'reject' as const };
    expect(confirmationPage(french, VIEW)).toContain('<h1>Rejeter cette demande ?</h1>');
    expect(
      closedPage(
        {
          ...french,
          closed: {
            reason: 'expired',
            event: null,
            toState: null,
            actorId: null,
            at: '2026-12-08T20:52:00.000Z',
            by: null,
          },
        },
        VIEW,
      ),
    ).toContain('Ce lien a expiré : la décision était attendue le 8 décembre 2026 à 20:52 UTC.');
    expect(donePage(Locale.Fr, 'reject', 'req-1', 'rejected')).toContain(
      'Demande <code>req-1</code> est désormais rejetée.',
    );
  });
});
