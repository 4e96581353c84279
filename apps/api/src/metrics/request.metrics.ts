import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { REQUEST_STATES, withTimeout } from '@app/core';
import { DeliveryStatus } from '@app/notifications';
import { MetricsRegistry } from './metrics.registry';

/**
 * Requests by state and mail deliveries by status, counted in the database by the background
 * refresh (MetricsRefresher), so the figures hold whichever process (API or worker) did the work
 * and a scrape never reaches the database. The counts are engine-wide: no tenant's own figures.
 */
@Injectable()
export class RequestMetrics {
  private readonly requests: Gauge<'state'>;
  private readonly deliveries: Gauge<'status'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    metrics: MetricsRegistry,
  ) {
    this.requests = new Gauge({
      name: 'raci_requests',
      help: 'Requests by state',
      labelNames: ['state'],
      registers: [metrics.registry],
    });
    this.deliveries = new Gauge({
      name: 'raci_mail_deliveries',
      help: 'Mail deliveries by status (queued, sent, failed)',
      labelNames: ['status'],
      registers: [metrics.registry],
    });
  }

  async refresh(): Promise<void> {
    await Promise.all([
      this.count(
        'SELECT state AS k, COUNT(*) AS n FROM requests GROUP BY state',
        REQUEST_STATES,
        (state, n) => this.requests.set({ state }, n),
      ),
      this.count(
        'SELECT status AS k, COUNT(*) AS n FROM notification_deliveries GROUP BY status',
        Object.values(DeliveryStatus),
        (status, n) => this.deliveries.set({ status }, n),
      ),
    ]);
  }

  private async count(
    sql: string,
    keys: readonly string[],
    set: (key: string, n: number) => void,
  ): Promise<void> {
    try {
      const rows: { k: string; n: string | number }[] = await withTimeout(
        this.dataSource.query(sql),
        2_000,
        'counts',
      );
      const counts = new Map(rows.map((row) => [row.k, Number(row.n)]));
      keys.forEach((key) => set(key, counts.get(key) ?? 0));
    } catch {
      // The database is down: keep the last values; /health reports the outage.
    }
  }
}
