import { AppConfig } from '@app/core';
import { GENESIS_HASH, linkProblem } from '../audit-chain';
import { AuditKeys } from '../keys/audit-keys';
import { adminEventFields, created, diff, REDACTED, redact } from './admin-event-chain';
import { AdminEvent } from './admin-event.entity';

const keys = new AuditKeys(
  AppConfig.fromEnv({ AUDIT_KEY: 'admin-event-spec-key-0123456789abcdef012' }),
);
const check = (e: AdminEvent, previous?: AdminEvent) =>
  linkProblem(e, previous, keys, adminEventFields, () => 'unsealed');

const event = (seq: number, previous?: AdminEvent): AdminEvent => {
  const fields = {
    id: `00000000-0000-4000-8000-00000000000${seq}`,
    organizationId: 'o1',
    seq,
    actorId: 'u1',
    actorOrganizationId: 'o1',
    action: 'user.updated',
    subjectType: 'user',
    subjectId: 'u2',
    changes: '{"active":{"from":true,"to":false}}',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    prevHash: previous?.hash ?? GENESIS_HASH,
    keyId: keys.currentId,
  };
  return Object.assign(new AdminEvent(), fields, { hash: keys.mac(adminEventFields(fields)) });
};

describe('admin event chain', () => {
  it('accepts a well-formed chain and names an edited entry', () => {
    const first = event(1);
    const second = event(2, first);
    expect(check(second, first)).toBeNull();
    const edited = { ...second, changes: '{"active":{"from":true,"to":true}}' };
    expect(check(edited, first)).toMatchObject({ kind: 'mac_mismatch', problem: /edited/ });
    expect(check(event(3, second), first)).toMatchObject({ kind: 'entry_missing' });
  });

  it('redacts secrets, token hashes and the query string of a URL', () => {
    expect(
      redact({
        ...created({ secret: 'whsec_x', tokenHash: 'abc', prefix: 'raci_abc' }),
        url: { from: null, to: 'https://hooks.example/raci?key=k' },
      }),
    ).toEqual({
      secret: { from: null, to: REDACTED },
      tokenHash: { from: null, to: REDACTED },
      prefix: { from: null, to: 'raci_abc' },
      url: { from: null, to: `https://hooks.example/raci?${REDACTED}` },
    });
  });

  it('keeps only the fields that differ', () => {
    expect(diff({ name: 'a', roles: ['x'], active: true }, { name: 'a', roles: ['y'] })).toEqual({
      roles: { from: ['x'], to: ['y'] },
    });
  });
});
