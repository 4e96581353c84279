import { AuditEntry } from './audit-entry.entity';
import { chainProblem, GENESIS_HASH, hashOf } from './audit-chain';

function entry(
  seq: number,
  previous?: AuditEntry,
  overrides: Partial<AuditEntry> = {},
): AuditEntry {
  const base = {
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
  };
  const fields = { ...base, ...overrides };
  return { ...fields, hash: hashOf(fields), ...overrides };
}

const SESSION_WITH_MFA = {
  kind: 'session',
  id: '00000000-0000-4000-8000-0000000000aa',
  method: 'oidc',
  acr: 'urn:raci:loa:mfa',
  amr: ['pwd', 'otp'],
  authTime: '2026-01-01T00:00:00.000Z',
};

describe('audit chain', () => {
  it('accepts a well-formed chain', () => {
    const first = entry(1);
    expect(chainProblem(first, undefined)).toBeNull();
    expect(chainProblem(entry(2, first), first)).toBeNull();
  });

  it('names an edited entry', () => {
    const first = entry(1);
    expect(chainProblem({ ...first, comment: 'changed later' }, undefined)).toMatch(/edited/);
  });

  it('keeps the hash of an entry without authentication as it was before it was recorded', () => {
    // The hash an entry of this content had before `authentication` existed.
    expect(entry(1).hash).toBe('2a976dfe5a2eabca1925ae7614ee3997d916a10b67000a50b3871208cb5bf429');
  });

  it('covers how the author authenticated, whatever order jsonb gives its keys', () => {
    const first = entry(1, undefined, { authentication: SESSION_WITH_MFA });
    const reordered = Object.fromEntries(Object.entries(SESSION_WITH_MFA).reverse());
    expect(chainProblem({ ...first, authentication: reordered as never }, undefined)).toBeNull();
    const weaker = { ...SESSION_WITH_MFA, acr: 'urn:raci:loa:pwd', amr: ['pwd'] };
    expect(chainProblem({ ...first, authentication: weaker }, undefined)).toMatch(/edited/);
    expect(chainProblem({ ...first, authentication: null }, undefined)).toMatch(/edited/);
  });

  it('names a missing entry', () => {
    const first = entry(1);
    const third = entry(3, entry(2, first));
    expect(chainProblem(third, first)).toMatch(/missing/);
  });

  it('names an entry that points elsewhere', () => {
    const first = entry(1);
    expect(chainProblem(entry(2, undefined), first)).toMatch(/previous entry/);
  });
});
