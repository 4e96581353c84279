import { z } from 'zod';
import { configurationRows, undescribed } from './configuration-doc';

describe('the configuration reference', () => {
  it('has a description for every variable of the env schema', () => {
    expect(undescribed()).toEqual([]);
  });

  it('names a variable that has none', () => {
    const shape = { DESCRIBED: z.string().describe('Has one.'), BARE: z.string() };
    expect(undescribed(shape)).toEqual(['BARE']);
  });

  it('reads accepted values and defaults through optional, default and transform wrappers', () => {
    const rows = Object.fromEntries(configurationRows().map((row) => [row.name, row]));
    expect(rows.PORT).toMatchObject({ values: 'integer, 0 to 65535', default: '`3000`' });
    expect(rows.SMTP_URL).toMatchObject({ values: 'URL: `smtp://`, `smtps://`', default: 'unset' });
    expect(rows.RELAY_ENABLED.default).toBe('`true`');
    expect(rows.HOLIDAYS.default).toBe('empty');
    expect(rows.TRUST_PROXY.default).toBe('`false`');
    expect(rows.ADMIN_TOKEN).toMatchObject({ values: 'string, 32+ characters', default: 'unset' });
    expect(rows.LOG_LEVEL.values).toContain('`trace`');
  });
});
