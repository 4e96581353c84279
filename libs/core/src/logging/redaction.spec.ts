import { maskUrl } from './redaction';

describe('maskUrl', () => {
  it('hides the password of a one-host URL', () => {
    expect(maskUrl('redis://app:s3cret@cache:6379/1')).toBe('redis://app:***@cache:6379/1');
  });

  it.each([
    ['redis+cluster://:s3cret@n1:7001,n2:7002', 'redis+cluster://:***@n1:7001,n2:7002'],
    ['redis+cluster://app:s3cret@n1:7001,n2:7002', 'redis+cluster://app:***@n1:7001,n2:7002'],
    ['redis+sentinel://:s3cret@s1:26379,s2/master/1', 'redis+sentinel://:***@s1:26379,s2/master/1'],
    ['redis+cluster://n1:7001,n2:7002', 'redis+cluster://n1:7001,n2:7002'],
  ])('hides the password of a URL naming several hosts, %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });

  it('says no more than that the URL is invalid', () => {
    expect(maskUrl('not a url: s3cret')).toBe('<invalid url>');
  });
});
