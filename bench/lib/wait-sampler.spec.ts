import { activityOf, summarizeWaits } from './wait-sampler';

const backend = (
  state: string | null,
  type: string | null = null,
  event: string | null = null,
) => ({
  state,
  wait_event_type: type,
  wait_event: event,
});

describe('database waits', () => {
  it('names an active backend by what it waits on, or running', () => {
    expect(activityOf(backend('active'))).toBe('running');
    expect(activityOf(backend('active', 'Lock', 'transactionid'))).toBe('Lock:transactionid');
    expect(activityOf(backend('idle in transaction', 'Client', 'ClientRead'))).toBe(
      'idle in transaction',
    );
    expect(activityOf(backend(null))).toBe('unknown');
  });

  it('averages backends per activity over the samples, largest first', () => {
    const waits = summarizeWaits([
      [backend('active', 'Lock', 'transactionid'), backend('active'), backend('idle')],
      [backend('active', 'Lock', 'transactionid'), backend('active', 'Lock', 'transactionid')],
    ]);
    expect(waits).toEqual({
      samples: 2,
      backends: 2.5,
      by_activity: { 'Lock:transactionid': 1.5, running: 0.5, idle: 0.5 },
    });
    expect(Object.keys(waits.by_activity)[0]).toBe('Lock:transactionid');
  });

  it('reads no sample as no backend', () => {
    expect(summarizeWaits([])).toEqual({ samples: 0, backends: 0, by_activity: {} });
  });
});
