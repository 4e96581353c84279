import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { migrationTypes } from '../portable-types';

/**
 * Webhook endpoints get a circuit breaker (a count of failed attempts in a row, and when it paused
 * the endpoint), and deliveries show a failure's category instead of the raw error text, which
 * told a tenant what listens inside the engine's network.
 *
 * Secrets are not touched here: a migration has no SECRETS_KEY. Rows kept in clear are sealed at
 * the first start that has it, or at their first delivery (see WebhookSecrets).
 */
export class WebhookGuard1764000000014 implements MigrationInterface {
  name = 'WebhookGuard1764000000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = migrationTypes(queryRunner);
    await queryRunner.addColumns('webhook_endpoints', [
      new TableColumn({ name: 'consecutive_failures', type: 'integer', default: 0 }),
      new TableColumn({ name: 'paused_at', type: t.timestamp, isNullable: true }),
    ]);
    // The old texts, by what they said: "HTTP 503 …", "no answer within 10 s", "fetch failed:
    // ECONNREFUSED", a TLS or certificate code, or "deleted".
    await queryRunner.query(`
      UPDATE webhook_deliveries SET last_error = CASE
        WHEN last_error = 'deleted' THEN 'deleted'
        WHEN response_status >= 500 THEN 'http_5xx'
        WHEN response_status >= 400 THEN 'http_4xx'
        WHEN response_status >= 300 THEN 'http_3xx'
        WHEN last_error LIKE '%no answer within%' THEN 'timeout'
        WHEN last_error LIKE '%TLS%' OR last_error LIKE '%SSL%' OR last_error LIKE '%CERT%'
          THEN 'tls'
        ELSE 'refused'
      END
      WHERE last_error IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('webhook_endpoints', 'paused_at');
    await queryRunner.dropColumn('webhook_endpoints', 'consecutive_failures');
  }
}
