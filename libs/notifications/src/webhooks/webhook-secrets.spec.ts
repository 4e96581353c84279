import { Logger } from '@nestjs/common';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/core';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { isSealed, WebhookSecretUnreadableError, WebhookSecrets } from './webhook-secrets';

const ENDPOINT = '00000000-0000-4000-8000-0000000000e1';
const OTHER = '00000000-0000-4000-8000-0000000000e2';
const SECRET = 'whsec_q3Jx0lV8m2sY1bK2QmF0c3RhcnQtc2VjcmV0LWV4YW1wbGU';
const KEY_HEX = '0f'.repeat(32);

describe('WebhookSecrets', () => {
  let endpoints: jest.Mocked<Pick<Repository<WebhookEndpoint>, 'update' | 'createQueryBuilder'>>;
  let legacy: { id: string; secret: string }[];

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    legacy = [];
    const query = {
      select: jest.fn().mockReturnThis(),
      where: jest.fn().mockReturnThis(),
      getMany: jest.fn(() => Promise.resolve(legacy)),
    };
    endpoints = {
      update: jest.fn().mockResolvedValue({ affected: 1 }),
      createQueryBuilder: jest.fn().mockReturnValue(query),
    };
  });

  const secrets = (key?: string) =>
    new WebhookSecrets(
      AppConfig.fromEnv(key ? { SECRETS_KEY: key } : {}),
      endpoints as unknown as Repository<WebhookEndpoint>,
    );

  it('seals with AES-256-GCM: nothing of the secret shows, and it opens again', () => {
    const box = secrets(KEY_HEX);
    const sealed = box.seal(ENDPOINT, SECRET);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).toMatch(
      /^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/,
    );
    expect(sealed).not.toContain(SECRET.slice(6, 16));
    expect(sealed.length).toBeLessThanOrEqual(128);
    expect(box.seal(ENDPOINT, SECRET)).not.toBe(sealed);
    expect(box.open(ENDPOINT, sealed)).toBe(SECRET);
  });

  it('takes the same key written in hex or in base64', () => {
    const base64 = Buffer.from(KEY_HEX, 'hex').toString('base64');
    expect(secrets(base64).open(ENDPOINT, secrets(KEY_HEX).seal(ENDPOINT, SECRET))).toBe(SECRET);
  });

  it('does not open under another key, for another endpoint, or once changed', () => {
    const sealed = secrets(KEY_HEX).seal(ENDPOINT, SECRET);
    expect(() => secrets('1e'.repeat(32)).open(ENDPOINT, sealed)).toThrow(
      WebhookSecretUnreadableError,
    );
    expect(() => secrets(KEY_HEX).open(OTHER, sealed)).toThrow(WebhookSecretUnreadableError);
    const parts = sealed.split('.');
    parts[3] = `${parts[3][0] === 'A' ? 'B' : 'A'}${parts[3].slice(1)}`;
    expect(() => secrets(KEY_HEX).open(ENDPOINT, parts.join('.'))).toThrow(
      WebhookSecretUnreadableError,
    );
  });

  it('reads a secret kept in clear before encryption, and seals it at start', async () => {
    const box = secrets(KEY_HEX);
    expect(box.open(ENDPOINT, SECRET)).toBe(SECRET);
    legacy = [{ id: ENDPOINT, secret: SECRET }];
    await box.onApplicationBootstrap();
    const [[where, values]] = endpoints.update.mock.calls as [[object, { secret: string }]];
    expect(where).toEqual({ id: ENDPOINT, secret: SECRET });
    expect(box.open(ENDPOINT, values.secret)).toBe(SECRET);
  });

  it('seals nothing at rest without SECRETS_KEY: a key of this process alone would lose it', async () => {
    const box = secrets();
    legacy = [{ id: ENDPOINT, secret: SECRET }];
    await box.onApplicationBootstrap();
    await box.reseal(ENDPOINT, SECRET);
    expect(endpoints.update).not.toHaveBeenCalled();
    expect(box.open(ENDPOINT, box.seal(ENDPOINT, SECRET))).toBe(SECRET);
  });
});
