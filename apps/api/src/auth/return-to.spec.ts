import { RETURN_TO_MAX_LENGTH, safeReturnTo } from './return-to';

const PUBLIC_URL = 'https://raci.example';

describe('safeReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/requests', '/requests'],
    ['/requests/123?tab=history#comments', '/requests/123?tab=history#comments'],
    ['/a/../b', '/b'],
    ['/caf%C3%A9', '/caf%C3%A9'],
    ['/@evil.example', '/@evil.example'],
    ['/a/b%2F%2Fc', '/a/b%2F%2Fc'],
  ])('keeps the path %s of this engine', (value, expected) => {
    expect(safeReturnTo(value, PUBLIC_URL)).toBe(expected);
  });

  it.each([
    ['another host, scheme-relative', '//evil.example/x'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a backslash further on', '/a\\b'],
    ['an absolute URL', 'https://evil.example/'],
    ['an absolute URL of this very engine', 'https://raci.example/requests'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'requests'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a line break', '/x\r\nSet-Cookie: a=b'],
    ['the empty string', ''],
    ['a leading space', ' /requests'],
    ['a backslash then a slash', '/\\/evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a scheme with one slash', 'http:/evil.example'],
    ['too long', `/${'a'.repeat(RETURN_TO_MAX_LENGTH)}`],
  ])('refuses %s', (_what, value) => {
    expect(safeReturnTo(value, PUBLIC_URL)).toBeNull();
  });

  it.each([undefined, null, 42, ['/'], { path: '/' }])('refuses a non-string %p', (value) => {
    expect(safeReturnTo(value, PUBLIC_URL)).toBeNull();
  });

  it('stays on a PUBLIC_URL with a path prefix and a port', () => {
    expect(safeReturnTo('/inbox', 'http://localhost:3000/raci')).toBe('/inbox');
    expect(safeReturnTo('//localhost:3001/', 'http://localhost:3000')).toBeNull();
  });

  it('refuses everything when PUBLIC_URL is not a URL', () => {
    expect(safeReturnTo('/inbox', 'not a url')).toBeNull();
  });
});
