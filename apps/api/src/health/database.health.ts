import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTimeout } from '@app/core';

const QUERY_TIMEOUT_MS = 1_000;

/** The database is up when it answers `SELECT 1` within a second, on either driver. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), QUERY_TIMEOUT_MS, 'SELECT 1');
      return indicator.up({ driver: this.dataSource.options.type });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
