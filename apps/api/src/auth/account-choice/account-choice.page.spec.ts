import {
  ACCOUNT_CHOICE_CSP,
  accountChoicePage,
  accountChoiceProblemPage,
} from './account-choice.page';

const GLOBEX = '00000000-0000-4000-8000-000000000101';
const INITECH = '00000000-0000-4000-8000-000000000102';

describe('the pages of the choice of account', () => {
  it('offers one button per organization, each posting its own account, names escaped', () => {
    const html = accountChoicePage([
      { userId: GLOBEX, organizationName: 'Globex <script>alert(1)</script>' },
      { userId: INITECH, organizationName: 'Initech & "Sons"' },
    ]);
    expect(html).toContain(
      `<form method="post" action="choose/${GLOBEX}"><button type="submit" id="choose-${GLOBEX}">Globex &lt;script&gt;alert(1)&lt;/script&gt;</button></form>`,
    );
    expect(html).toContain(`>Initech &amp; &quot;Sons&quot;</button>`);
    expect(html.match(/<form /g)).toHaveLength(2);
    expect(html).not.toContain('<script>');
  });

  it('says why no account can be chosen, escaped, with no form', () => {
    const html = accountChoiceProblemPage('Sign in <again>.');
    expect(html).toContain('<p id="problem">Sign in &lt;again&gt;.</p>');
    expect(html).not.toContain('<form');
  });

  it('lets no script run and no other site frame the page or receive its forms', () => {
    expect(ACCOUNT_CHOICE_CSP).toContain("default-src 'none'");
    expect(ACCOUNT_CHOICE_CSP).toContain("form-action 'self'");
    expect(ACCOUNT_CHOICE_CSP).toContain("frame-ancestors 'none'");
    expect(ACCOUNT_CHOICE_CSP).not.toContain('script-src');
  });
});
