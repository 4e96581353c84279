import { GENESIS_HASH, linkProblem } from '../audit-chain';
import { adminEventHash, created, diff, REDACTED, redact } from './admin-event-chain';
import { AdminEvent } from './admin-event.entity';

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
  };
  return Object.assign(new AdminEvent(), fields, { hash: adminEventHash(fields) });
};

describe('admin event chain', () => {
  it('accepts a well-formed chain and names an edited entry', () => {
    const first = event(1);
    const second = event(2, first);
    expect(linkProblem(second, first, adminEventHash)).toBeNull();
    const edited = { ...second, changes: '{"active":{"from":true,"to":true}}' };
    expect(linkProblem(edited, first, adminEventHash)).toMatch(/edited/);
    expect(linkProblem(event(3, second), first, adminEventHash)).toMatch(/missing/);
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
