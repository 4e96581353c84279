import { loadVerdict, QUIET_LOAD_LIMIT } from './quiet-machine';

describe('loadVerdict', () => {
  const full = { quick: false, force: false };

  it('writes a full run started at or under the limit, not marked forced', () => {
    expect(loadVerdict(0.4, full)).toEqual({ write: true, forced: false });
    expect(loadVerdict(QUIET_LOAD_LIMIT, full)).toEqual({ write: true, forced: false });
  });

  it('refuses a full run started above the limit, naming the load measured', () => {
    const verdict = loadVerdict(2.37, full);
    expect(verdict.write).toBe(false);
    expect(verdict.forced).toBe(false);
    expect(verdict.reason).toContain('2.37');
    expect(verdict.reason).toContain(`above ${QUIET_LOAD_LIMIT}`);
    expect(verdict.reason).toContain('--force');
  });

  it('writes a busy full run with --force, marked forced', () => {
    const verdict = loadVerdict(2.37, { quick: false, force: true });
    expect(verdict).toMatchObject({ write: true, forced: true });
    expect(verdict.reason).toContain('2.37');
  });

  it('always writes a quick run, never marked forced', () => {
    expect(loadVerdict(9.5, { quick: true, force: false })).toEqual({
      write: true,
      forced: false,
    });
    expect(loadVerdict(9.5, { quick: true, force: true })).toEqual({ write: true, forced: false });
  });
});
