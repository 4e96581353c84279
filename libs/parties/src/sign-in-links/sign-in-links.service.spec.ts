import { Logger } from '@nestjs/common';
import { FindOperator, Repository } from 'typeorm';
import { AppConfig, JobName, JobQueue } from '@app/core';
import { User } from '../entities/user.entity';
import { OrganizationsService } from '../organizations.service';
import { PartiesErrorCode } from '../parties.exception';
import { Locale, Role } from '../parties.types';
import { SignInLink } from './sign-in-link.entity';
import { SignInLinks } from './sign-in-links.service';

const ORG = '00000000-0000-4000-8000-000000000001';
const ADA = '00000000-0000-4000-8000-000000000101';
const MINUTE = 60_000;

/** Whether a stored value meets a `where` value: equality, `IsNull()`, `In(x)` or `MoreThan(x)`. */
function meets(value: unknown, wanted: unknown): boolean {
  if (!(wanted instanceof FindOperator)) return value === wanted;
  if (wanted.type === 'isNull') return value === null;
  if (wanted.type === 'in') return (wanted.value as unknown as unknown[]).includes(value);
  if (wanted.type === 'moreThan') return (value as Date) > (wanted.value as Date);
  throw new Error(`operator ${wanted.type} is not faked`);
}

/** The few repository calls the service makes, over rows in memory. */
function rows<T extends object>(initial: T[] = []) {
  const all = [...initial];
  const matching = (where: Partial<Record<keyof T, unknown>>) =>
    all.filter((row) =>
      Object.entries(where).every(([key, wanted]) => meets(row[key as keyof T], wanted)),
    );
  return {
    all,
    findOneBy: jest.fn((where: Partial<Record<keyof T, unknown>>) =>
      Promise.resolve(matching(where)[0] ?? null),
    ),
    findBy: jest.fn((where: Partial<Record<keyof T, unknown>>) =>
      Promise.resolve(matching(where).map((row) => ({ ...row }))),
    ),
    countBy: jest.fn((where: Partial<Record<keyof T, unknown>>) =>
      Promise.resolve(matching(where).length),
    ),
    insert: jest.fn((row: T) => Promise.resolve(void all.push({ ...row }))),
    delete: jest.fn((where: Partial<Record<keyof T, unknown>>) => {
      for (const row of matching(where)) all.splice(all.indexOf(row), 1);
      return Promise.resolve({ affected: 1 });
    }),
    update: jest.fn((where: Partial<Record<keyof T, unknown>>, changes: Partial<T>) => {
      const hit = matching(where);
      for (const row of hit) Object.assign(row, changes);
      return Promise.resolve({ affected: hit.length });
    }),
  };
}

const ada = (fields: Partial<User> = {}): User =>
  Object.assign(new User(), {
    id: ADA,
    organizationId: ORG,
    email: 'ada@globex.example',
    name: 'Ada',
    roles: [Role.Requester],
    active: true,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...fields,
  });

/** Ada's account in another organization, created after her first. */
const adaElsewhere = (fields: Partial<User> = {}): User =>
  ada({
    id: '00000000-0000-4000-8000-000000000102',
    organizationId: '00000000-0000-4000-8000-000000000002',
    createdAt: new Date('2026-02-01T00:00:00Z'),
    ...fields,
  });

describe('SignInLinks', () => {
  let links: ReturnType<typeof rows<SignInLink>>;
  let users: ReturnType<typeof rows<User>>;
  let jobs: { enqueue: jest.Mock };
  let service: SignInLinks;

  const build = (...accounts: User[]) => {
    links = rows<SignInLink>();
    users = rows<User>(accounts.length ? accounts : [ada()]);
    jobs = { enqueue: jest.fn().mockResolvedValue(undefined) };
    service = new SignInLinks(
      links as unknown as Repository<SignInLink>,
      users as unknown as Repository<User>,
      { findById: () => Promise.resolve({ locale: Locale.Fr }) } as unknown as OrganizationsService,
      jobs as unknown as JobQueue,
      AppConfig.fromEnv({
        LINK_SECRET: 'a-link-secret-of-the-deployment-0123456789',
        PUBLIC_URL: 'https://raci.example',
        SIGN_IN_LINK_LIMIT: '2',
      }),
    );
  };

  /** The token of the link just mailed, as the worker writes it into the mail. */
  const mailedToken = async (): Promise<string> => {
    const mail = await service.mailOf(links.all.at(-1)!.id);
    return mail!.url.split('/').at(-1)!;
  };

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => build());

  it('records a fifteen-minute link and queues its mail by id only', async () => {
    await service.request('  Ada@Globex.EXAMPLE ', '/inbox');
    expect(links.all).toHaveLength(1);
    const [link] = links.all;
    expect(link).toMatchObject({ userId: ADA, returnTo: '/inbox', usedAt: null });
    expect(link.expiresAt.getTime() - link.createdAt.getTime()).toBe(15 * MINUTE);
    expect(jobs.enqueue).toHaveBeenCalledWith([
      { name: JobName.SendSignInLink, data: { linkId: link.id } },
    ]);
  });

  it('does nothing for an unknown or deactivated address', async () => {
    await service.request('nobody@globex.example', null);
    build(ada({ active: false }));
    await service.request('ada@globex.example', null);
    expect(links.all).toHaveLength(0);
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('sends no more than SIGN_IN_LINK_LIMIT links an hour', async () => {
    for (let i = 0; i < 4; i++) await service.request('ada@globex.example', null);
    expect(links.all).toHaveLength(2);
    expect(jobs.enqueue).toHaveBeenCalledTimes(2);
  });

  it('answers as for any address when the queue is down, and keeps no link it could not mail', async () => {
    jobs.enqueue.mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    await expect(service.request('ada@globex.example', null)).resolves.toBeUndefined();
    expect(links.all).toHaveLength(0);
  });

  it('writes the mail of a usable link: its URL under PUBLIC_URL, the address, the language', async () => {
    await service.request('ada@globex.example', null);
    const mail = await service.mailOf(links.all[0].id);
    expect(mail).toMatchObject({ to: 'ada@globex.example', locale: Locale.Fr });
    expect(mail!.url).toMatch(
      new RegExp(`^https://raci\\.example/auth/email-link/${links.all[0].id}\\.[\\w-]{43}$`),
    );
  });

  it('writes no mail once the link is used or expired, or its person deactivated', async () => {
    await service.request('ada@globex.example', null);
    const [link] = links.all;
    link.expiresAt = new Date(Date.now() - 1);
    expect(await service.mailOf(link.id)).toBeNull();
    link.expiresAt = new Date(Date.now() + MINUTE);
    users.all[0].active = false;
    expect(await service.mailOf(link.id)).toBeNull();
    users.all[0].active = true;
    link.usedAt = new Date();
    expect(await service.mailOf(link.id)).toBeNull();
    expect(await service.mailOf('00000000-0000-4000-8000-000000000999')).toBeNull();
  });

  it('signs in once: a second use is refused as used', async () => {
    await service.request('ada@globex.example', '/inbox');
    const token = await mailedToken();
    expect(await service.inspect(token)).toMatchObject({ status: 'usable', locale: Locale.Fr });
    const used = await service.use(token);
    expect(used).toMatchObject({ users: [{ id: ADA }], returnTo: '/inbox' });
    await expect(service.use(token)).rejects.toMatchObject({
      code: PartiesErrorCode.SignInLinkUsed,
    });
    expect((await service.inspect(token)).status).toBe('used');
  });

  it('refuses an expired link, and a forged one before reading anything', async () => {
    await service.request('ada@globex.example', null);
    const token = await mailedToken();
    links.all[0].expiresAt = new Date(Date.now() - 1);
    expect((await service.inspect(token)).status).toBe('expired');
    await expect(service.use(token)).rejects.toMatchObject({
      code: PartiesErrorCode.SignInLinkExpired,
    });
    links.findOneBy.mockClear();
    await expect(service.inspect(`${token.slice(0, -1)}x`)).rejects.toMatchObject({
      code: PartiesErrorCode.SignInLinkInvalid,
    });
    expect(links.findOneBy).not.toHaveBeenCalled();
  });

  it('uses up the link of a deactivated person, and refuses them', async () => {
    await service.request('ada@globex.example', null);
    const token = await mailedToken();
    users.all[0].active = false;
    expect((await service.inspect(token)).status).toBe('revoked');
    await expect(service.use(token)).rejects.toMatchObject({
      code: PartiesErrorCode.SignInLinkRevoked,
    });
    expect(links.all[0].usedAt).toBeInstanceOf(Date);
  });

  describe('an address with accounts in several organizations', () => {
    beforeEach(() => build(adaElsewhere(), ada()));

    it('mails one link, and its use offers every active account, oldest first', async () => {
      await service.request('ada@globex.example', '/inbox');
      expect(links.all).toHaveLength(1);
      expect(jobs.enqueue).toHaveBeenCalledTimes(1);
      const used = await service.use(await mailedToken());
      expect(used.users.map((user) => user.id)).toEqual([ADA, adaElsewhere().id]);
      expect(used.returnTo).toBe('/inbox');
    });

    it('offers no deactivated account, and the link still works while one account is active', async () => {
      await service.request('ada@globex.example', null);
      const token = await mailedToken();
      users.all.find((user) => user.id === ADA)!.active = false;
      expect((await service.inspect(token)).status).toBe('usable');
      const used = await service.use(token);
      expect(used.users.map((user) => user.id)).toEqual([adaElsewhere().id]);
    });

    it('counts SIGN_IN_LINK_LIMIT for the address, whichever account a link was made for', async () => {
      await service.request('ada@globex.example', null);
      users.all.find((user) => user.id === ADA)!.active = false;
      for (let i = 0; i < 3; i++) await service.request('ada@globex.example', null);
      expect(links.all).toHaveLength(2);
      expect(links.all.map((link) => link.userId)).toEqual([ADA, adaElsewhere().id]);
    });
  });
});
