import { Locale } from '@app/parties';
import { closedSignInPage, signInPage, signInProblemPage } from './email-link.page';

const EXPIRES = new Date('2026-12-02T10:45:00.000Z');

describe('sign-in link pages', () => {
  it('offers a button that posts back to the link, and says until when it works', () => {
    const html = signInPage(Locale.En, EXPIRES);
    expect(html).toContain('<h1>Sign in to raci-engine</h1>');
    expect(html).toContain(
      '<form method="post"><button type="submit" id="sign-in">Sign in</button>',
    );
    expect(html).toContain('This link works once, until 2026-12-02 10:45 UTC.');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('speaks French to a French organization', () => {
    const html = signInPage(Locale.Fr, EXPIRES);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Connexion à raci-engine</h1>');
    expect(html).toContain('2 décembre 2026 à 10:45 UTC');
    expect(closedSignInPage(Locale.Fr, 'used')).toContain('Ce lien de connexion a déjà servi');
  });

  it('says why a link no longer works, and offers no form', () => {
    expect(closedSignInPage(Locale.En, 'used')).toContain('was already used');
    expect(closedSignInPage(Locale.En, 'expired')).toContain('has expired');
    const revoked = closedSignInPage(Locale.En, 'revoked');
    expect(revoked).toContain('cannot sign in');
    expect(revoked).not.toContain('<form');
  });

  it('escapes the message of a problem', () => {
    const html = signInProblemPage('Not <valid> & "cut"');
    expect(html).toContain('Not &lt;valid&gt; &amp; &quot;cut&quot;');
    expect(html).not.toContain('<form');
  });
});
