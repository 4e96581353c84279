import { pathOnThisSite } from './sso.controller';

describe('pathOnThisSite (returnTo)', () => {
  it.each(['/', '/requests', '/requests/42?tab=history#top', '/a/b%2F%2Fc', '/@evil.example'])(
    'keeps the path %s',
    (path) => expect(pathOnThisSite(path)).toBe(path),
  );

  it.each([
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    'evil.example',
    'requests',
    '',
    '/\t/evil.example',
    '/\n/evil.example',
    ' /requests',
    `/${'a'.repeat(2048)}`,
  ])('refuses %j', (value) => expect(pathOnThisSite(value)).toBeNull());

  it('refuses what is not one string (a repeated or nested query parameter)', () => {
    expect(pathOnThisSite(['/a', '/b'])).toBeNull();
    expect(pathOnThisSite({ path: '/a' })).toBeNull();
    expect(pathOnThisSite(undefined)).toBeNull();
  });
});
