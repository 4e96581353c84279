import { RequestEtag } from './request-etag';

describe('RequestEtag', () => {
  it('tags a version as a strong ETag', () => {
    expect(RequestEtag.of(3)).toBe('"3"');
  });

  it.each([
    ['"3"', [3]],
    [' "3" , "12"', [3, 12]],
    ['W/"3"', []],
    ['3', []],
    ['"abc"', []],
    ['"3", W/"4", junk', [3]],
  ])('reads If-Match %j as the versions %j', (header, versions) => {
    expect(RequestEtag.expected(header)).toEqual(versions);
  });

  it('reads no header, and *, as no precondition', () => {
    expect(RequestEtag.expected(undefined)).toBeUndefined();
    expect(RequestEtag.expected(' * ')).toBeUndefined();
  });
});
