import { Locale } from '@app/parties';
import { renderSignInMail } from './sign-in-mail';

const context = {
  locale: Locale.En,
  email: 'ada@globex.example',
  url: 'https://raci.example/auth/email-link/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b.m&c',
  expiresAt: new Date('2026-12-02T10:45:00.000Z'),
  minutes: 15,
};

describe('renderSignInMail', () => {
  it('gives the link, its fifteen minutes and single use, and says it can be ignored', () => {
    const { subject, text, html } = renderSignInMail(context);
    expect(subject).toBe('Sign in to raci-engine');
    expect(text).toContain(`Sign in: ${context.url}`);
    expect(text).toContain('The link expires in 15 minutes (2026-12-02 10:45 UTC) and works once.');
    expect(text).toContain('you can ignore this message');
    expect(html).toContain(`<a href="${context.url.replace('&', '&amp;')}">Sign in</a>`);
  });

  it('speaks French to a French organization', () => {
    const { subject, text } = renderSignInMail({ ...context, locale: Locale.Fr });
    expect(subject).toBe('Connexion à raci-engine');
    expect(text).toContain('Le lien expire dans 15 minutes (2 décembre 2026 à 10:45 UTC)');
    expect(text).toContain('ignorez ce message');
  });
});
