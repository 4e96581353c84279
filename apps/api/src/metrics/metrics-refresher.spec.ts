import { AppConfig } from '@app/core';
import { MetricsRefresher } from './metrics-refresher';
import { QueueMetrics } from './queue.metrics';
import { RequestMetrics } from './request.metrics';

describe('MetricsRefresher', () => {
  const config = { env: { METRICS_REFRESH_S: 15 } } as unknown as AppConfig;

  function refresherWith(counts: () => Promise<void>) {
    const queues = { refresh: jest.fn(counts) } as unknown as QueueMetrics;
    const requests = { refresh: jest.fn(counts) } as unknown as RequestMetrics;
    return { refresher: new MetricsRefresher(config, queues, requests), queues, requests };
  }

  it('joins a round still running instead of starting another', async () => {
    const pending: (() => void)[] = [];
    const { refresher, requests } = refresherWith(
      () => new Promise<void>((resolve) => pending.push(resolve)),
    );
    const first = refresher.refresh();
    const second = refresher.refresh();
    expect(requests.refresh).toHaveBeenCalledTimes(1);
    pending.forEach((finish) => finish());
    await Promise.all([first, second]);
    const next = refresher.refresh();
    pending.forEach((finish) => finish());
    await next;
    expect(requests.refresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes once at start, then on its period, and stops at shutdown', async () => {
    jest.useFakeTimers();
    try {
      const { refresher, queues } = refresherWith(() => Promise.resolve());
      await refresher.onApplicationBootstrap();
      expect(queues.refresh).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(15_000);
      expect(queues.refresh).toHaveBeenCalledTimes(2);
      await refresher.onApplicationShutdown();
      await jest.advanceTimersByTimeAsync(60_000);
      expect(queues.refresh).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
