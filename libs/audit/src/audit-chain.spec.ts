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
    createdAt: new Date('2026-01-01T00:00:00Z'),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...base, hash: hashOf(base), ...overrides };
}

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
