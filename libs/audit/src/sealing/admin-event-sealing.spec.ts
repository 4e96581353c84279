import { AppConfig } from '@app/core';
import { GENESIS_HASH, linkProblem } from '../audit-chain';
import { AdminEvent } from '../admin/admin-event.entity';
import { adminEventFields } from '../admin/admin-event-chain';
import { AuditKeys } from '../keys/audit-keys';
import { sealedAdminEvents } from './admin-event-sealing';
import { legacyAdminEventHash } from './legacy-chain';
import { UnsealableHistoryError } from './unsealable-history.error';

const keys = new AuditKeys(
  AppConfig.fromEnv({ AUDIT_KEY: 'sealing-spec-key-0123456789abcdef0123' }),
);

/** A chain of admin events as recorded before keys: plain SHA-256 hashes, no key. */
function plainChain(length: number): AdminEvent[] {
  const events: AdminEvent[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const fields = {
      id: `00000000-0000-4000-8000-00000000000${seq}`,
      organizationId: 'o1',
      seq,
      actorId: null,
      actorOrganizationId: 'o1',
      action: 'user.updated',
      subjectType: 'user',
      subjectId: 'u2',
      changes: `{"name":{"from":"a","to":"${seq}"}}`,
      createdAt: new Date(Date.UTC(2026, 0, seq)),
      prevHash: events[seq - 2]?.hash ?? GENESIS_HASH,
      keyId: null,
    };
    events.push(Object.assign(new AdminEvent(), fields, { hash: legacyAdminEventHash(fields) }));
  }
  return events;
}

describe('sealing the admin events recorded before keys', () => {
  it('keys a sound plain chain, which then verifies', () => {
    const sealed = sealedAdminEvents(plainChain(3), keys);
    expect(sealed.map((e) => e.keyId)).toEqual(Array(3).fill(keys.currentId));
    sealed.forEach((event, i) =>
      expect(linkProblem(event, sealed[i - 1], keys, adminEventFields, () => '')).toBeNull(),
    );
  });

  it('refuses a plain chain that was already broken', () => {
    const events = plainChain(3);
    events[1].changes = '{"name":{"from":"a","to":"edited"}}';
    expect(() => sealedAdminEvents(events, keys)).toThrow(UnsealableHistoryError);
    expect(() => sealedAdminEvents([events[0], events[2]], keys)).toThrow(/missing/);
  });
});
