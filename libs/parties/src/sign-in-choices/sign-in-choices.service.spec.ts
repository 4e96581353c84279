import { Logger } from '@nestjs/common';
import { FindOperator, Repository } from 'typeorm';
import { AppConfig } from '@app/core';
import { AuthMethod } from '../credential';
import { User } from '../entities/user.entity';
import { OrganizationsService } from '../organizations.service';
import { PartiesErrorCode } from '../parties.exception';
import { Role } from '../parties.types';
import { SignInChoice } from './sign-in-choice.entity';
import { SignInChoices } from './sign-in-choices.service';

const GLOBEX = '00000000-0000-4000-8000-000000000001';
const INITECH = '00000000-0000-4000-8000-000000000002';
const ADA_AT_GLOBEX = '00000000-0000-4000-8000-000000000101';
const ADA_AT_INITECH = '00000000-0000-4000-8000-000000000102';
const STRANGER = '00000000-0000-4000-8000-000000000103';
const NAMES: Record<string, string> = { [GLOBEX]: 'Globex', [INITECH]: 'Initech' };

/** Whether a stored value meets a `where` value: equality, `In`, `IsNull()` or `MoreThan(x)`. */
function meets(value: unknown, wanted: unknown): boolean {
  if (!(wanted instanceof FindOperator)) return value === wanted;
  if (wanted.type === 'in') return (wanted.value as unknown as unknown[]).includes(value);
  if (wanted.type === 'isNull') return value === null;
  if (wanted.type === 'moreThan') return (value as Date) > (wanted.value as Date);
  if (wanted.type === 'lessThan') return (value as Date) < (wanted.value as Date);
  throw new Error(`operator ${wanted.type} is not faked`);
}

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
    findBy: jest.fn((where: Partial<Record<keyof T, unknown>>) => Promise.resolve(matching(where))),
    insert: jest.fn((row: T) => Promise.resolve(void all.push({ ...row }))),
    delete: jest.fn((where: Partial<Record<keyof T, unknown>>) => {
      const hit = matching(where);
      for (const row of hit) all.splice(all.indexOf(row), 1);
      return Promise.resolve({ affected: hit.length });
    }),
    update: jest.fn((where: Partial<Record<keyof T, unknown>>, changes: Partial<T>) => {
      const hit = matching(where);
      for (const row of hit) Object.assign(row, changes);
      return Promise.resolve({ affected: hit.length });
    }),
  };
}

const account = (id: string, organizationId: string): User =>
  Object.assign(new User(), {
    id,
    organizationId,
    email: 'ada@example.test',
    name: 'Ada',
    roles: [Role.Requester],
    active: true,
  });

describe('SignInChoices', () => {
  let choices: ReturnType<typeof rows<SignInChoice>>;
  let users: ReturnType<typeof rows<User>>;
  let service: SignInChoices;
  const proven = {
    method: AuthMethod.Oidc as const,
    acr: 'urn:raci:loa:mfa',
    amr: ['pwd', 'otp'],
    authenticatedAt: new Date('2026-11-30T08:00:00Z'),
  };

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    choices = rows<SignInChoice>();
    users = rows<User>([
      account(ADA_AT_INITECH, INITECH),
      account(ADA_AT_GLOBEX, GLOBEX),
      account(STRANGER, GLOBEX),
    ]);
    service = new SignInChoices(
      choices as unknown as Repository<SignInChoice>,
      users as unknown as Repository<User>,
      {
        findById: (id: string) => Promise.resolve({ id, name: NAMES[id] }),
      } as unknown as OrganizationsService,
      AppConfig.fromEnv({ LINK_SECRET: 'a-link-secret-of-the-deployment-0123456789' }),
    );
  });

  const open = () =>
    service.open(
      [users.all[1], users.all[0]].map((user) => Object.assign(new User(), user)),
      proven,
      '/inbox',
    );
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );

  it('records the accounts offered and the sign-in, for ten minutes, and keeps no token', async () => {
    const { token, expiresAt } = await open();
    const [choice] = choices.all;
    expect(choice).toMatchObject({
      userIds: [ADA_AT_GLOBEX, ADA_AT_INITECH],
      method: 'oidc',
      acr: 'urn:raci:loa:mfa',
      returnTo: '/inbox',
      usedAt: null,
    });
    expect(expiresAt.getTime() - choice.createdAt.getTime()).toBe(10 * 60_000);
    expect(token.startsWith(`${choice.id}.`)).toBe(true);
    expect(JSON.stringify(choice)).not.toContain(token.split('.')[1]);
  });

  it('forgets choices ended more than a day ago when a new one opens, and keeps the rest', async () => {
    await open();
    await open();
    choices.all[0].expiresAt = new Date(Date.now() - 25 * 60 * 60_000);
    choices.all[1].expiresAt = new Date(Date.now() - 23 * 60 * 60_000);
    const kept = choices.all[1].id;
    await open();
    expect(choices.all.map((choice) => choice.id)).toEqual([kept, expect.any(String)]);
  });

  it('offers the active accounts by organization name', async () => {
    const { token } = await open();
    expect(await service.options(token)).toEqual([
      { userId: ADA_AT_GLOBEX, organizationName: 'Globex' },
      { userId: ADA_AT_INITECH, organizationName: 'Initech' },
    ]);
    users.all[0].active = false;
    expect(await service.options(token)).toEqual([
      { userId: ADA_AT_GLOBEX, organizationName: 'Globex' },
    ]);
  });

  it('chooses once, and hands back how the person signed in', async () => {
    const { token } = await open();
    const chosen = await service.choose(token, ADA_AT_INITECH);
    expect(chosen).toMatchObject({ user: { id: ADA_AT_INITECH }, returnTo: '/inbox' });
    expect(chosen.signIn).toEqual(proven);
    await expect(codeOf(service.choose(token, ADA_AT_GLOBEX))).resolves.toBe(
      PartiesErrorCode.AccountChoiceUsed,
    );
    await expect(codeOf(service.options(token))).resolves.toBe(PartiesErrorCode.AccountChoiceUsed);
  });

  it('refuses an account not offered, without using the choice up', async () => {
    const { token } = await open();
    await expect(codeOf(service.choose(token, STRANGER))).resolves.toBe(
      PartiesErrorCode.AccountNotOffered,
    );
    expect(choices.all[0].usedAt).toBeNull();
    expect((await service.choose(token, ADA_AT_GLOBEX)).user.id).toBe(ADA_AT_GLOBEX);
  });

  it('refuses a missing or forged token before reading anything, and an expired choice', async () => {
    const { token } = await open();
    choices.findOneBy.mockClear();
    for (const forged of [undefined, '', `${token.slice(0, -1)}x`, token.split('.')[0]]) {
      await expect(codeOf(service.choose(forged, ADA_AT_GLOBEX))).resolves.toBe(
        PartiesErrorCode.AccountChoiceMissing,
      );
    }
    expect(choices.findOneBy).not.toHaveBeenCalled();
    choices.all[0].expiresAt = new Date(Date.now() - 1);
    await expect(codeOf(service.choose(token, ADA_AT_GLOBEX))).resolves.toBe(
      PartiesErrorCode.AccountChoiceExpired,
    );
  });

  it('refuses an account deactivated since the choice was offered', async () => {
    const { token } = await open();
    users.all[1].active = false;
    await expect(codeOf(service.choose(token, ADA_AT_GLOBEX))).resolves.toBe(
      PartiesErrorCode.UserDeactivated,
    );
  });
});
