import { createHash, createHmac } from 'node:crypto';
import { AppConfig } from '@app/core';
import { AuditEntry } from './audit-entry.entity';
import { entryFields, GENESIS_HASH, linkProblem, unsealedProblem } from './audit-chain';
import { AuditKeys } from './keys/audit-keys';
import { legacyEntryHash } from './sealing/legacy-chain';

const KEY = 'audit-chain-spec-key-0123456789abcdef0123';
const keys = new AuditKeys(AppConfig.fromEnv({ AUDIT_KEY: KEY }));

function entry(seq: number, previous?: AuditEntry, overrides: Partial<AuditEntry> = {}) {
  const fields = {
    id: `00000000-0000-4000-8000-00000000000${seq}`,
    requestId: 'r1',
    organizationId: 'o1',
    seq,
    actorId: 'u1',
    actorOrganizationId: 'o1',
    letter: 'A',
    event: 'approved',
    fromState: 'pending_approval',
    toState: 'approved',
    comment: null,
    authentication: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    prevHash: previous?.hash ?? GENESIS_HASH,
    logSeq: seq,
    logPrevHash: previous?.hash ?? GENESIS_HASH,
    keyId: keys.currentId,
    ...overrides,
  };
  return Object.assign(new AuditEntry(), fields, { hash: keys.mac(entryFields(fields)) });
}

const check = (e: AuditEntry, previous?: AuditEntry) =>
  linkProblem(e, previous, keys, entryFields, () => 'unsealed');

const SESSION_WITH_MFA = {
  kind: 'session',
  id: '00000000-0000-4000-8000-0000000000aa',
  issuer: 'https://idp.example',
  method: 'oidc',
  acr: 'urn:raci:loa:mfa',
  amr: ['pwd', 'otp'],
  authTime: '2026-01-01T00:00:00.000Z',
};

describe('the keyed history chain', () => {
  it('accepts a well-formed chain', () => {
    const first = entry(1);
    expect(check(first)).toBeNull();
    expect(check(entry(2, first), first)).toBeNull();
  });

  it('names an edited entry, and one re-hashed without the key', () => {
    const first = entry(1);
    const edited = { ...first, comment: 'changed later' };
    expect(check(edited)).toMatchObject({ kind: 'mac_mismatch', problem: /edited/ });
    const plain = createHash('sha256')
      .update(JSON.stringify(entryFields(edited)))
      .digest('hex');
    expect(check({ ...edited, hash: plain })).toMatchObject({ kind: 'mac_mismatch' });
    const wrongKey = createHmac('sha256', 'another-key-of-32-characters-or-more!')
      .update(JSON.stringify(entryFields(edited)))
      .digest('hex');
    expect(check({ ...edited, hash: wrongKey })).toMatchObject({ kind: 'mac_mismatch' });
  });

  it('names an entry whose key the engine does not have', () => {
    const first = entry(1, undefined, { keyId: '0123456789abcdef' });
    expect(check(first)).toMatchObject({ kind: 'unknown_key', problem: /0123456789abcdef/ });
  });

  it('covers its places in the request chain and in the log', () => {
    const first = entry(1);
    expect(check({ ...first, logSeq: 7 })).toMatchObject({ kind: 'mac_mismatch' });
    expect(check({ ...first, logPrevHash: 'f'.repeat(64) })).toMatchObject({
      kind: 'mac_mismatch',
    });
  });

  it('covers how the author authenticated, whatever order jsonb gives its keys', () => {
    const first = entry(1, undefined, { authentication: SESSION_WITH_MFA });
    const reordered = Object.fromEntries(Object.entries(SESSION_WITH_MFA).reverse());
    expect(check({ ...first, authentication: reordered as never })).toBeNull();
    const weaker = { ...SESSION_WITH_MFA, acr: 'urn:raci:loa:pwd', amr: ['pwd'] };
    expect(check({ ...first, authentication: weaker })).toMatchObject({ kind: 'mac_mismatch' });
    const elsewhere = { ...SESSION_WITH_MFA, issuer: 'https://other.example' };
    expect(check({ ...first, authentication: elsewhere })).toMatchObject({
      kind: 'mac_mismatch',
    });
    expect(check({ ...first, authentication: null })).toMatchObject({ kind: 'mac_mismatch' });
  });

  it('covers what a decision was made on, and leaves the MAC of entries without it as it was', () => {
    const decided = entry(1, undefined, { paramsHash: 'a'.repeat(64), catalogVersion: 3 });
    expect(check(decided)).toBeNull();
    expect(check({ ...decided, paramsHash: 'b'.repeat(64) })).toMatchObject({
      kind: 'mac_mismatch',
    });
    expect(check({ ...decided, catalogVersion: 4 })).toMatchObject({ kind: 'mac_mismatch' });
    const plain = entry(1);
    expect(check({ ...plain, paramsHash: null, catalogVersion: null })).toBeNull();
  });

  it('names a missing entry, and one that points elsewhere', () => {
    const first = entry(1);
    const third = entry(3, entry(2, first));
    expect(check(third, first)).toMatchObject({ kind: 'entry_missing', problem: /missing/ });
    expect(check(entry(2), first)).toMatchObject({ kind: 'link_broken' });
  });

  it('names an entry recorded before keys as unsealed', () => {
    const old = { ...entry(1), keyId: null, logSeq: null, logPrevHash: null };
    expect(check(old)).toEqual({ kind: 'unsealed', problem: 'unsealed' });
    expect(unsealedProblem('an entry is missing')).toMatch(/already broken.*missing/);
  });
});

describe('the plain chain recorded before keys', () => {
  it('keeps the hash an entry had then', () => {
    const old = {
      ...entry(1),
      keyId: null,
      logSeq: null,
      logPrevHash: null,
    };
    expect(legacyEntryHash(old)).toBe(
      '2a976dfe5a2eabca1925ae7614ee3997d916a10b67000a50b3871208cb5bf429',
    );
  });
});
