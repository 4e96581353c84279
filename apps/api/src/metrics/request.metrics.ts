import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { withTimeout } from '@app/core';
import { REQUEST_STATES } from '@app/requests';
import { MetricsRegistry } from './metrics.registry';

/** Requests by state, counted in the database at scrape time. */
@Injectable()
export class RequestMetrics {
  private readonly byState: Gauge<'state'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    metrics: MetricsRegistry,
  ) {
    this.byState = new Gauge({
      name: 'raci_requests',
      help: 'Requests by state',
      labelNames: ['state'],
      registers: [metrics.registry],
    });
  }

  async refresh(): Promise<void> {
    try {
      const rows: { state: string; n: string | number }[] = await withTimeout(
        this.dataSource.query('SELECT state, COUNT(*) AS n FROM requests GROUP BY state'),
        2_000,
        'request counts',
      );
      const counts = new Map(rows.map((row) => [row.state, Number(row.n)]));
      REQUEST_STATES.forEach((state) => this.byState.set({ state }, counts.get(state) ?? 0));
    } catch {
      // The database is down: keep the last values; /health reports the outage.
    }
  }
}
