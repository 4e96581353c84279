import { RequestEventType as E } from '@app/core';
import { Locale } from '@app/parties';
import { DigestContext, renderDigest } from './digest-renderer';

const summary = (state: string, note: string | null = null) => ({
  actionKey: 'mariadb.add-read-only-replica',
  actionTitle: 'Add a MariaDB read-only Replica',
  organizationName: 'Globex <Labs>',
  state,
  note,
});

const context: DigestContext = {
  locale: Locale.En,
  day: '2026-12-02',
  unsubscribeUrl: 'https://raci.test/v1/unsubscribe/u.sig',
  items: [
    {
      eventType: E.Approved,
      requestId: 'req-1',
      summary: summary('approved', 'Go'),
      occurredAt: new Date('2026-12-01T10:40:00Z'),
    },
    {
      eventType: E.Submitted,
      requestId: 'req-2',
      summary: summary('pending_approval'),
      occurredAt: new Date('2026-12-01T11:00:00Z'),
    },
    {
      eventType: E.Submitted,
      requestId: 'req-1',
      summary: summary('pending_approval'),
      occurredAt: new Date('2026-12-01T09:12:00Z'),
    },
  ],
};

describe('renderDigest', () => {
  it("says the engine's notes in the user's language, and keeps what people wrote on one line", () => {
    const [item] = context.items;
    const digest = renderDigest({
      ...context,
      locale: Locale.Fr,
      items: [
        { ...item, summary: summary('expired', 'The approval deadline passed.') },
        { ...item, requestId: 'req-3', summary: summary('rejected', 'No\n- forged line') },
      ],
    });
    expect(digest.text).toContain('(Note: L’échéance d’approbation est passée.)');
    expect(digest.text).toContain('(Note: No - forged line)');
    expect(digest.text).not.toMatch(/^- forged line/m);
  });

  it('lists the day’s news by request, oldest first, each request as it stands now', () => {
    const digest = renderDigest(context);
    expect(digest.subject).toBe('Daily summary for 2026-12-02: 3 updates on 2 requests');
    const text = digest.text;
    expect(text).toContain(
      [
        'Add a MariaDB read-only Replica (Globex <Labs>), now approved, waiting for the work to start',
        'Request: req-1',
        '- 2026-12-01 09:12 UTC: Request submitted',
        '- 2026-12-01 10:40 UTC: Request approved (Note: Go)',
        '',
        'Add a MariaDB read-only Replica (Globex <Labs>), now waiting for approval',
        'Request: req-2',
        '- 2026-12-01 11:00 UTC: Request submitted',
      ].join('\n'),
    );
    expect(text).toMatch(/unsubscribe: https:\/\/raci\.test\/v1\/unsubscribe\/u\.sig$/);
    expect(digest.html).toContain('Globex &lt;Labs&gt;');
    expect(digest.html).not.toContain('<Labs>');
    expect(digest.html).toContain('href="https://raci.test/v1/unsubscribe/u.sig"');
  });

  it('speaks French to French organizations', () => {
    const digest = renderDigest({ ...context, locale: Locale.Fr, items: context.items.slice(2) });
    expect(digest.subject).toBe('Résumé du 2026-12-02 : 1 nouvelle sur 1 demande');
    expect(digest.text).toContain(
      'Add a MariaDB read-only Replica (Globex <Labs>), désormais en attente d’approbation',
    );
    expect(digest.text).toContain('- 1 décembre 2026 à 09:12 UTC: Demande soumise');
    expect(digest.text).toContain('désabonnez-vous : https://raci.test/v1/unsubscribe/u.sig');
  });
});
