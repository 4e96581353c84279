import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/core';
import { AuditKeys, auditKeyId } from './audit-keys';

const OLD = 'old-audit-key-0123456789abcdef0123456789';
const NEW = 'new-audit-key-0123456789abcdef0123456789';
const keysOf = (env: Record<string, string>) => new AuditKeys(AppConfig.fromEnv(env));

describe('AuditKeys', () => {
  it('keys a MAC of the fields in their order under AUDIT_KEY', () => {
    const keys = keysOf({ AUDIT_KEY: NEW });
    const expected = createHmac('sha256', NEW).update('["a",1,null]').digest('hex');
    expect(keys.mac(['a', 1, null])).toBe(expected);
    expect(keys.mac([1, 'a', null])).not.toBe(expected);
  });

  it('names a key by an id that is not the key', () => {
    const keys = keysOf({ AUDIT_KEY: NEW });
    expect(keys.currentId).toBe(auditKeyId(NEW));
    expect(keys.currentId).toMatch(/^[0-9a-f]{16}$/);
    expect(NEW).not.toContain(keys.currentId);
    expect(auditKeyId(OLD)).not.toBe(keys.currentId);
    expect(keys.durable).toBe(true);
  });

  it('still verifies under a previous key after rotation, and keys new entries with the new one', () => {
    const before = keysOf({ AUDIT_KEY: OLD });
    const made = before.mac(['entry']);
    const after = keysOf({ AUDIT_KEY: NEW, AUDIT_PREVIOUS_KEYS: ` ${OLD} ,` });
    expect(after.has(before.currentId)).toBe(true);
    expect(after.mac(['entry'], before.currentId)).toBe(made);
    expect(after.mac(['entry'])).not.toBe(made);
    expect(after.currentId).toBe(auditKeyId(NEW));
  });

  it('does not know a key it was not given', () => {
    const keys = keysOf({ AUDIT_KEY: NEW });
    expect(keys.has(auditKeyId(OLD))).toBe(false);
    expect(() => keys.mac(['entry'], auditKeyId(OLD))).toThrow(/not configured/);
  });

  it('refuses a short key, or one with a comma', () => {
    expect(() => AppConfig.fromEnv({ AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY/);
    expect(() => AppConfig.fromEnv({ AUDIT_PREVIOUS_KEYS: `${OLD},short` })).toThrow(
      /AUDIT_PREVIOUS_KEYS/,
    );
  });

  it('stands in one key per process where AUDIT_KEY is unset, and says it will not last', () => {
    const first = keysOf({});
    const second = keysOf({});
    expect(first.currentId).toBe(second.currentId);
    expect(first.durable).toBe(false);
  });
});
