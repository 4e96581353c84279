import { delegationStatus } from './delegation-view';

describe('delegation view', () => {
  const now = new Date('2026-06-10T12:00:00Z');
  const window = { startsAt: '2026-06-09T00:00:00Z', endsAt: '2026-06-11T00:00:00Z' };

  it('tells a scheduled, an active and an over delegation apart', () => {
    expect(delegationStatus({ ...window, endedAt: null }, now)).toBe('active');
    expect(
      delegationStatus(
        { startsAt: '2026-06-10T13:00:00Z', endsAt: window.endsAt, endedAt: null },
        now,
      ),
    ).toBe('scheduled');
    expect(
      delegationStatus(
        { startsAt: window.startsAt, endsAt: '2026-06-10T12:00:00Z', endedAt: null },
        now,
      ),
    ).toBe('over');
  });

  it('takes a delegation ended early as over, whatever its window says', () => {
    expect(delegationStatus({ ...window, endedAt: '2026-06-10T11:00:00Z' }, now)).toBe('over');
  });
});
