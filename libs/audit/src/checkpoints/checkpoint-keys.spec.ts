import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { AppConfig } from '@app/core';
import { CheckpointKeys } from './checkpoint-keys';

const derOf = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
  key.export({ format: 'der', type: 'pkcs8' }).toString('base64');

describe('CheckpointKeys', () => {
  const current = generateKeyPairSync('ed25519');
  const older = generateKeyPairSync('ed25519');
  const olderPem = older.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const config = AppConfig.fromEnv({
    AUDIT_SIGNING_KEY: current.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    AUDIT_PREVIOUS_SIGNING_KEYS: olderPem,
  });
  const keys = new CheckpointKeys(config);

  it('signs with the configured key: plain node:crypto checks it with the published JWK', () => {
    const { keyId, signature } = keys.sign('{"v":1}');
    const jwk = keys.publicKeys().find((key) => key.kid === keyId)!;
    expect(jwk.status).toBe('current');
    const publicKey = createPublicKey({
      key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
      format: 'jwk',
    });
    expect(
      verify(null, Buffer.from('{"v":1}'), publicKey, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    expect(keys.check('{"v":1}', keyId, signature)).toBe('valid');
  });

  it('refuses another text, a changed signature and a key it does not know', () => {
    const { keyId, signature } = keys.sign('{"v":1,"seq":3}');
    expect(keys.check('{"v":1,"seq":4}', keyId, signature)).toBe('forged');
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] ^= 1;
    expect(keys.check('{"v":1,"seq":3}', keyId, flipped.toString('base64url'))).toBe('forged');
    expect(keys.check('{"v":1,"seq":3}', keyId, 'short')).toBe('forged');
    expect(keys.check('{"v":1,"seq":3}', 'not-a-key', signature)).toBe('unknown-key');
  });

  it('still checks what a previous key signed, and publishes it as previous', () => {
    const signedBefore = new CheckpointKeys(
      AppConfig.fromEnv({ AUDIT_SIGNING_KEY: derOf(older.privateKey) }),
    ).sign('{"v":1}');
    expect(keys.check('{"v":1}', signedBefore.keyId, signedBefore.signature)).toBe('valid');
    expect(keys.publicKeys().map((key) => key.status)).toEqual(['current', 'previous']);
  });

  it('names each key by its RFC 7638 thumbprint', () => {
    const [jwk] = keys.publicKeys();
    expect(jwk.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
  });

  it('signs with one stand-in key per process where none is configured', () => {
    const a = new CheckpointKeys(AppConfig.fromEnv({}));
    const b = new CheckpointKeys(AppConfig.fromEnv({}));
    expect(a.currentKeyId).toBe(b.currentKeyId);
    expect(a.currentKeyId).not.toBe(keys.currentKeyId);
  });
});
