import { parseBenchArgs } from './bench-args';

describe('parseBenchArgs', () => {
  it('runs in full, writing latest, with nothing asked', () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      out: 'latest',
      skipScale: false,
      force: false,
    });
  });

  it('writes quick-latest with --quick, and reads the other flags in any order', () => {
    expect(parseBenchArgs(['--force', '--quick', '--skip-scale'])).toEqual({
      quick: true,
      out: 'quick-latest',
      skipScale: true,
      force: true,
    });
  });

  it('takes the name after --out, in either mode', () => {
    expect(parseBenchArgs(['--out', 'trial']).out).toBe('trial');
    expect(parseBenchArgs(['--quick', '--out', 'ci']).out).toBe('ci');
  });

  it('refuses --out without a name', () => {
    expect(() => parseBenchArgs(['--out'])).toThrow('--out needs a file name');
    expect(() => parseBenchArgs(['--out', '--force'])).toThrow('--out needs a file name');
  });
});
