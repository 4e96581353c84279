import { maskUrlSecrets, withoutUrlSecrets } from './url-secrets';

const LINK = '409013eb-0ad2-4cd9-acaf-839ec4fd2a5d.nROV5ClIN_ycEcGtfuBfOQ3DQQ8xwCC375BWm1FXjO8';

describe('URL secrets in logs', () => {
  it('masks the token of an email link, and tokens or webhook secrets in a query', () => {
    expect(maskUrlSecrets(`/v1/email-actions/${LINK}`)).toBe('/v1/email-actions/[redacted]');
    expect(maskUrlSecrets(`/v1/unsubscribe/${LINK}`)).toBe('/v1/unsubscribe/[redacted]');
    expect(maskUrlSecrets('/v1/me?token=raci_AbC-_9&x=whsec_Zz1')).toBe(
      '/v1/me?token=[redacted]&x=[redacted]',
    );
  });

  it("masks the sign-in callback's code and state, and the sign-in link", () => {
    expect(maskUrlSecrets('/auth/callback?code=Sp1x-9&state=abc&iss=https%3A%2F%2Fidp')).toBe(
      '/auth/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(maskUrlSecrets(`/auth/email-link/${LINK}`)).toBe('/auth/email-link/[redacted]');
    expect(withoutUrlSecrets({ query: { code: 'Sp1x-9', returnTo: '/requests' } })).toEqual({
      query: { code: '[redacted]', returnTo: '/requests' },
    });
  });

  it('keeps plain ids, which are no credentials', () => {
    const path = '/v1/requests/409013eb-0ad2-4cd9-acaf-839ec4fd2a5d/history';
    expect(maskUrlSecrets(path)).toBe(path);
  });

  it('masks the route params and query of a logged request too', () => {
    const req = {
      id: 'r1',
      url: `/v1/email-actions/${LINK}`,
      query: { next: ['raci_secret'] },
      params: { path: ['v1', 'email-actions', LINK] },
    };
    expect(withoutUrlSecrets(req)).toEqual({
      id: 'r1',
      url: '/v1/email-actions/[redacted]',
      query: { next: ['[redacted]'] },
      params: { path: ['v1', 'email-actions', '[redacted]'] },
    });
  });
});
