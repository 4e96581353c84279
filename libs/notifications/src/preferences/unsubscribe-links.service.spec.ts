import { AppConfig } from '@app/core';
import { User, UsersService } from '@app/parties';
import { NotificationsErrorCode } from '../notifications.exception';
import { UnsubscribeLinks } from './unsubscribe-links.service';

const ADA = '00000000-0000-4000-8000-0000000000a1';
const BOB = '00000000-0000-4000-8000-0000000000b2';
const GONE = '00000000-0000-4000-8000-0000000000c3';

const users = {
  byIds: (ids: readonly string[]) =>
    Promise.resolve(
      [ADA, BOB]
        .filter((id) => ids.includes(id))
        .map((id) => Object.assign(new User(), { id, email: `${id}@example.test` })),
    ),
} as unknown as UsersService;

const links = (secret = 'a-link-secret-of-at-least-32-characters!') =>
  new UnsubscribeLinks(
    AppConfig.fromEnv({ LINK_SECRET: secret, PUBLIC_URL: 'https://raci.example/' }),
    users,
  );

const tokenOf = (url: string) => url.split('/v1/unsubscribe/')[1];

const refusal = expect.objectContaining({ code: NotificationsErrorCode.UnsubscribeLinkInvalid });

describe('UnsubscribeLinks', () => {
  it('makes a link for one user, under PUBLIC_URL', () => {
    const url = links().url(ADA);
    expect(url).toMatch(new RegExp(`^https://raci\\.example/v1/unsubscribe/${ADA}\\.[\\w-]{43}$`));
  });

  it('gives a stored message a slot in place of the link, with the headers of a one-click unsubscribe', () => {
    const { slot, url, headers } = links().slotFor(ADA);
    expect(slot).toEqual({
      slot: expect.stringMatching(/^[0-9a-f]{16}$/),
      kind: 'unsubscribe',
      id: ADA,
    });
    expect(url).toBe(`{{link:${slot.slot}}}`);
    expect(headers).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(JSON.stringify({ url, headers })).not.toContain(links().url(ADA));
    expect(links().slotFor(ADA).slot.slot).not.toBe(slot.slot);
  });

  it('gives back the user a link was made for, from any process with the same secret', async () => {
    await expect(links().userOf(tokenOf(links().url(ADA)))).resolves.toMatchObject({ id: ADA });
  });

  it('refuses a link made for another user, altered, forged or unsigned', async () => {
    const [, adaSignature] = tokenOf(links().url(ADA)).split('.');
    const [, bobSignature] = tokenOf(links().url(BOB)).split('.');
    for (const token of [
      `${BOB}.${adaSignature}`,
      `${ADA}.${bobSignature}`,
      `${ADA}.${adaSignature.slice(0, -1)}A`,
      `${ADA}.${adaSignature}.more`,
      tokenOf(links('another-link-secret-of-32-characters!').url(ADA)),
      `${ADA}.`,
      ADA,
      'not-a-user.signature',
      '',
    ]) {
      await expect(links().userOf(token)).rejects.toEqual(refusal);
    }
  });

  it('refuses a well signed link of a user who does not exist', async () => {
    await expect(links().userOf(tokenOf(links().url(GONE)))).rejects.toEqual(refusal);
  });
});
