import { checkpointStatement } from './checkpoint-statement';

describe('checkpointStatement', () => {
  const facts = {
    organizationId: '0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10',
    log: 'admin' as const,
    seq: 12,
    root: 'ab'.repeat(32),
    signedAt: new Date('2026-11-30T09:00:00.123Z'),
  };

  it('writes the fields in a fixed order, without white space, the time in UTC to the millisecond', () => {
    expect(checkpointStatement(facts)).toBe(
      '{"v":1,"organizationId":"0b6f4f4e-5d2a-4c1e-9a43-2f1f0d7f8a10","log":"admin","seq":12,' +
        `"root":"${'ab'.repeat(32)}","signedAt":"2026-11-30T09:00:00.123Z"}`,
    );
  });

  it('does not depend on the order the facts are given in', () => {
    const reordered = {
      signedAt: facts.signedAt,
      root: facts.root,
      seq: facts.seq,
      log: facts.log,
      organizationId: facts.organizationId,
    };
    expect(checkpointStatement(reordered)).toBe(checkpointStatement(facts));
  });

  it('differs whenever one fact does', () => {
    const base = checkpointStatement(facts);
    expect(checkpointStatement({ ...facts, seq: 11 })).not.toBe(base);
    expect(checkpointStatement({ ...facts, log: 'history' })).not.toBe(base);
    expect(checkpointStatement({ ...facts, root: 'cd'.repeat(32) })).not.toBe(base);
  });
});
