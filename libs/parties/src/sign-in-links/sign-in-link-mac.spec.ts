import { createHmac, randomUUID } from 'node:crypto';
import { SignInLinkMac } from './sign-in-link-mac';

const SECRET = Buffer.from('a-link-secret-of-the-deployment-0123456789');

describe('SignInLinkMac', () => {
  const mac = new SignInLinkMac(SECRET);
  const id = randomUUID();

  it('gives back the id of a token it made', () => {
    const token = mac.token(id);
    expect(token).toMatch(new RegExp(`^${id}\\.[A-Za-z0-9_-]{43}$`));
    expect(mac.idOf(token)).toBe(id);
  });

  it('refuses an altered, truncated, extended or malformed token', () => {
    const token = mac.token(id);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(mac.idOf(`${token.slice(0, -1)}${last}`)).toBeNull();
    expect(mac.idOf(token.slice(0, -1))).toBeNull();
    expect(mac.idOf(`${token}.x`)).toBeNull();
    expect(mac.idOf(`${randomUUID()}.${token.split('.')[1]}`)).toBeNull();
    expect(mac.idOf(id)).toBeNull();
    expect(mac.idOf('not-a-uuid.abc')).toBeNull();
    expect(mac.idOf('')).toBeNull();
  });

  it('refuses a token made under another secret', () => {
    const other = new SignInLinkMac(Buffer.from('another-secret'));
    expect(mac.idOf(other.token(id))).toBeNull();
  });

  it('never accepts a MAC made directly under LINK_SECRET, as other links use it', () => {
    const direct = createHmac('sha256', SECRET).update(id).digest('base64url');
    const prefixed = createHmac('sha256', SECRET).update(`sign-in.${id}`).digest('base64url');
    expect(mac.idOf(`${id}.${direct}`)).toBeNull();
    expect(mac.idOf(`${id}.${prefixed}`)).toBeNull();
  });
});
