import { browserOf, dateTimeIn, sessionsInOrder } from './settings-view';

describe('sessionsInOrder', () => {
  it('puts this device first, then the most recently seen', () => {
    const sessions = [
      { id: 'a', current: false, lastSeenAt: '2026-11-01T10:00:00Z' },
      { id: 'b', current: false, lastSeenAt: '2026-11-03T10:00:00Z' },
      { id: 'c', current: true, lastSeenAt: '2026-10-01T10:00:00Z' },
    ];
    expect(sessionsInOrder(sessions).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(sessions.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('browserOf', () => {
  it('names the browser and the system', () => {
    expect(
      browserOf(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux');
    expect(
      browserOf(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
      ),
    ).toBe('Edge on Windows');
    expect(
      browserOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(browserOf('Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0')).toBe(
      'Firefox on Android',
    );
  });

  it('says nothing of what it does not know', () => {
    expect(browserOf(null)).toBeNull();
    expect(browserOf('curl/8.5.0')).toBeNull();
  });
});

describe('dateTimeIn', () => {
  it('writes a date in the person’s language', () => {
    expect(dateTimeIn('fr', '2026-11-30T12:00:00Z')).toMatch(/30 nov\. 2026/);
    expect(dateTimeIn('en', '2026-11-30T12:00:00Z')).toMatch(/Nov 30, 2026/);
  });
});
