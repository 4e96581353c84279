import { nextPageUrl } from './link-header.interceptor';

describe('nextPageUrl', () => {
  it('keeps the path, the filters and the limit, and sets the cursor', () => {
    expect(nextPageUrl('/v1/requests?state=approved&limit=2', 'WyJh')).toBe(
      '/v1/requests?state=approved&limit=2&cursor=WyJh',
    );
  });

  it('replaces the cursor of the page it follows', () => {
    expect(nextPageUrl('/v1/organizations?cursor=old&limit=1', 'new')).toBe(
      '/v1/organizations?cursor=new&limit=1',
    );
  });

  it('adds a cursor to a path without a query', () => {
    expect(nextPageUrl('/v1/requests/abc/history', 'x-_')).toBe(
      '/v1/requests/abc/history?cursor=x-_',
    );
  });
});
