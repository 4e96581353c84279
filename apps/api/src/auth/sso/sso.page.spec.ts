import { signInProblemPage } from './sso.page';

describe('the sign-in problem page', () => {
  it('says why, escaped, and offers to start again only when given where', () => {
    const html = signInProblemPage(
      'The provider answered <script>alert(1)</script>',
      '/auth/login?returnTo=%2F&acr="x"',
    );
    expect(html).toContain(
      '<p id="problem">The provider answered &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(html).toContain('href="/auth/login?returnTo=%2F&amp;acr=&quot;x&quot;"');
    expect(html).not.toContain('<script>');
    expect(signInProblemPage('No user here.')).not.toContain('try-again');
  });
});
