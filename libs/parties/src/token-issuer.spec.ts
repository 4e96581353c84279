import { CredentialKind } from './credential';
import { isPersonalToken, issuerOf } from './token-issuer';

const OWNER = '0b7e2c64-6f39-4f0e-9d0c-3c1d2e4f5a60';
const ADMIN = '7d1e8a2b-4c3f-4e5d-8a9b-0c1d2e3f4a5b';

describe('issuerOf', () => {
  it('is the user who minted the token', () => {
    expect(issuerOf({ userId: OWNER, issuedBy: ADMIN, issuedWith: CredentialKind.ApiToken })).toBe(
      ADMIN,
    );
  });

  it('is admin_token for a token the bootstrap token minted', () => {
    expect(issuerOf({ userId: OWNER, issuedBy: null, issuedWith: CredentialKind.AdminToken })).toBe(
      'admin_token',
    );
  });

  it('is unknown for a token minted before it was recorded', () => {
    expect(issuerOf({ userId: OWNER, issuedBy: null, issuedWith: null })).toBe('unknown');
  });
});

describe('isPersonalToken', () => {
  it.each([CredentialKind.Session, CredentialKind.IdpToken])(
    'is a token its owner minted, signed in with a %s',
    (kind) => {
      expect(isPersonalToken({ userId: OWNER, issuedBy: OWNER, issuedWith: kind })).toBe(true);
    },
  );

  it('is not a token its owner minted with another token', () => {
    expect(
      isPersonalToken({ userId: OWNER, issuedBy: OWNER, issuedWith: CredentialKind.ApiToken }),
    ).toBe(false);
  });

  it.each([
    ['an admin', ADMIN, CredentialKind.Session],
    ['the bootstrap token', null, CredentialKind.AdminToken],
    ['nobody known', null, null],
  ])('is not a token %s minted', (_, issuedBy, issuedWith) => {
    expect(isPersonalToken({ userId: OWNER, issuedBy, issuedWith })).toBe(false);
  });
});
