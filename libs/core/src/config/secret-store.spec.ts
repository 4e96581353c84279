import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretStore, SecretStoreError } from './secret-store';

const SECRET = 'a-secret-of-more-than-32-characters-0123456789';
const mode = (path: string) => statSync(path).mode & 0o777;

describe('SecretStore', () => {
  let root: string;
  let store: SecretStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'raci-secrets-'));
    store = new SecretStore(join(root, 'var', 'secrets'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('makes a secret once, in a file only its owner may read, in a folder only its owner may open', () => {
    const made = store.getOrCreate('admin-token', () => SECRET);
    expect(made).toEqual({ value: SECRET, created: true, path: join(store.dir, 'admin-token') });
    expect(readFileSync(made.path, 'utf8')).toBe(`${SECRET}\n`);
    expect(mode(made.path)).toBe(0o600);
    expect(mode(store.dir)).toBe(0o700);
    // var/ itself is an ordinary folder: the mail and the database live there too.
    expect(mode(join(root, 'var')) & 0o077).not.toBe(0);
  });

  it('reuses the kept secret on later calls and never makes another', () => {
    store.getOrCreate('link-secret', () => SECRET);
    const make = jest.fn(() => 'another-secret-of-more-than-32-characters');
    const again = new SecretStore(store.dir).getOrCreate('link-secret', make);
    expect(again).toMatchObject({ value: SECRET, created: false });
    expect(make).not.toHaveBeenCalled();
  });

  it('keeps the first secret when another process wrote one in the meantime', () => {
    const other = 'written-by-another-process-0123456789abcdef';
    const made = store.getOrCreate('admin-token', () => {
      writeFileSync(join(store.dir, 'admin-token'), other, { mode: 0o600 });
      return SECRET;
    });
    expect(made).toMatchObject({ value: other, created: false });
    expect(readFileSync(made.path, 'utf8')).toBe(other);
  });

  it('leaves no temporary file behind', () => {
    store.getOrCreate('admin-token', () => SECRET);
    store.getOrCreate('link-secret', () => SECRET);
    expect(readdirSync(store.dir).sort()).toEqual(['admin-token', 'link-secret']);
  });

  it('tightens a kept file and its folder that others could read', () => {
    const { path } = store.getOrCreate('admin-token', () => SECRET);
    chmodSync(path, 0o644);
    chmodSync(store.dir, 0o755);
    expect(store.getOrCreate('admin-token', () => 'unused').value).toBe(SECRET);
    expect(mode(path)).toBe(0o600);
    store.getOrCreate('link-secret', () => SECRET);
    expect(mode(store.dir)).toBe(0o700);
  });

  it('refuses a kept value shorter than the minimum, naming the file and not the value', () => {
    store.getOrCreate('admin-token', () => SECRET);
    writeFileSync(join(store.dir, 'admin-token'), 'too-short\n');
    const read = () => store.getOrCreate('admin-token', () => SECRET);
    expect(read).toThrow(SecretStoreError);
    expect(read).toThrow(`${join(store.dir, 'admin-token')} holds fewer than 32 characters`);
    expect(read).not.toThrow(/too-short/);
  });
});
