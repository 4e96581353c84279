import { QueryFailedError, Repository } from 'typeorm';
import { fakeAdminAudit, inOneTransaction } from '@app/audit/testing/admin-audit.fixture';
import { User } from '../entities/user.entity';
import { Role, UserKind } from '../parties.types';
import { CUSTOMER_A } from '../testing/principal.fixture';
import { ResolveSignedInPersonService } from './resolve-signed-in-person.service';

const ADA = '00000000-0000-4000-8000-0000000000a1';
const GRACE = '00000000-0000-4000-8000-0000000000a2';

const user = (id: string, email: string, fields: Partial<User> = {}) =>
  Object.assign(new User(), {
    id,
    organizationId: CUSTOMER_A,
    email,
    name: email,
    roles: [Role.Requester],
    active: true,
    kind: UserKind.Person,
    oidcSubject: null,
    ...fields,
  });

describe('ResolveSignedInPersonService', () => {
  let rows: User[];
  let audit: ReturnType<typeof fakeAdminAudit>;
  let save: jest.Mock;
  let service: ResolveSignedInPersonService;

  beforeEach(() => {
    rows = [user(ADA, 'ada@globex.example'), user(GRACE, 'grace@globex.example')];
    const matching = (where: Partial<User>) =>
      rows.filter((row) =>
        Object.entries(where).every(([field, value]) => row[field as keyof User] === value),
      );
    const findOneBy = (where: Partial<User>) => Promise.resolve(matching(where)[0] ?? null);
    const findBy = (where: Partial<User>) => Promise.resolve(matching(where));
    save = jest.fn((_entity: unknown, row: User) => {
      rows = rows.map((r) => (r.id === row.id ? row : r));
      return Promise.resolve(row);
    });
    const repository = { findOneBy, findBy, save: (row: User) => save(User, row) as Promise<User> };
    audit = fakeAdminAudit();
    service = new ResolveSignedInPersonService(
      repository as unknown as Repository<User>,
      inOneTransaction(repository),
      audit,
    );
  });

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );

  it('finds a linked user by subject, whatever address the provider now gives', async () => {
    rows[0].oidcSubject = 'sub-ada';
    const found = await service.resolve({ sub: 'sub-ada', email: 'ada@elsewhere.example' });
    expect(found.map((one) => one.id)).toEqual([ADA]);
    expect(save).not.toHaveBeenCalled();
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('links a user found by verified address to the subject, and records it', async () => {
    const found = await service.resolve({
      sub: 'sub-ada',
      email: ' Ada@Globex.example ',
      emailVerified: true,
    });
    expect(found).toMatchObject([{ id: ADA, oidcSubject: 'sub-ada' }]);
    expect(rows[0].oidcSubject).toBe('sub-ada');
    expect(audit.record).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        organizationId: CUSTOMER_A,
        actor: { userId: ADA, organizationId: CUSTOMER_A },
        action: 'user.updated',
        subjectType: 'user',
        subjectId: ADA,
        changes: { oidcSubject: { from: null, to: 'sub-ada' } },
      }),
    );
  });

  it.each([
    ['unverified', false],
    ['of unknown standing', undefined],
  ])('never trusts an address %s', async (_, emailVerified) => {
    const resolved = service.resolve({ sub: 'sub-x', email: 'ada@globex.example', emailVerified });
    await expect(codeOf(resolved)).resolves.toBe('NO_USER_FOR_SIGN_IN');
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses a person with no user here, and creates none', async () => {
    const resolved = service.resolve({
      sub: 'sub-x',
      email: 'stranger@globex.example',
      emailVerified: true,
    });
    await expect(codeOf(resolved)).resolves.toBe('NO_USER_FOR_SIGN_IN');
    await expect(codeOf(service.resolve({ sub: 'sub-x' }))).resolves.toBe('NO_USER_FOR_SIGN_IN');
    expect(save).not.toHaveBeenCalled();
  });

  it('never relinks by address a user already linked to another subject', async () => {
    rows[0].oidcSubject = 'sub-ada';
    const resolved = service.resolve({
      sub: 'sub-impostor',
      email: 'ada@globex.example',
      emailVerified: true,
    });
    await expect(codeOf(resolved)).resolves.toBe('NO_USER_FOR_SIGN_IN');
    expect(rows[0].oidcSubject).toBe('sub-ada');
  });

  it('refuses a service account as it refuses a stranger, by subject or by address', async () => {
    rows[0].kind = UserKind.Service;
    rows[1] = Object.assign(rows[1], { kind: UserKind.Service, oidcSubject: 'svc-grace' });
    const byAddress = service.resolve({
      sub: 'sub-ada',
      email: 'ada@globex.example',
      emailVerified: true,
    });
    await expect(codeOf(byAddress)).resolves.toBe('NO_USER_FOR_SIGN_IN');
    await expect(codeOf(service.resolve({ sub: 'svc-grace' }))).resolves.toBe(
      'NO_USER_FOR_SIGN_IN',
    );
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses a deactivated user, by subject or by address', async () => {
    rows[0].active = false;
    rows[1] = Object.assign(rows[1], { active: false, oidcSubject: 'sub-grace' });
    const byAddress = service.resolve({
      sub: 'sub-ada',
      email: 'ada@globex.example',
      emailVerified: true,
    });
    await expect(codeOf(byAddress)).resolves.toBe('USER_DEACTIVATED');
    await expect(codeOf(service.resolve({ sub: 'sub-grace' }))).resolves.toBe('USER_DEACTIVATED');
    expect(save).not.toHaveBeenCalled();
  });

  it('signs in as whoever took the subject when two first sign-ins race', async () => {
    save.mockImplementationOnce(() => {
      rows[1].oidcSubject = 'sub-shared';
      return Promise.reject(
        new QueryFailedError('UPDATE', [], Object.assign(new Error('dup'), { code: '23505' })),
      );
    });
    const found = await service.resolve({
      sub: 'sub-shared',
      email: 'ada@globex.example',
      emailVerified: true,
    });
    expect(found.map((one) => one.id)).toEqual([GRACE]);
  });

  describe('an address with users in several organizations', () => {
    const ELSEWHERE = '00000000-0000-4000-8000-0000000000a3';
    const identity = { sub: 'sub-ada', email: 'ada@globex.example', emailVerified: true };

    beforeEach(() => {
      rows[0].createdAt = new Date('2026-01-01T00:00:00Z');
      rows.unshift(
        user(ELSEWHERE, 'ada@globex.example', {
          organizationId: '00000000-0000-4000-8000-00000000000b',
          createdAt: new Date('2026-03-01T00:00:00Z'),
        }),
      );
    });

    it('offers every active one, oldest first, and links the subject to none', async () => {
      const found = await service.resolve(identity);
      expect(found.map((one) => one.id)).toEqual([ADA, ELSEWHERE]);
      expect(save).not.toHaveBeenCalled();
      expect(rows.every((row) => row.oidcSubject === null)).toBe(true);
    });

    it('offers no deactivated one: the one left is linked as ever', async () => {
      rows[0].active = false;
      const found = await service.resolve(identity);
      expect(found).toMatchObject([{ id: ADA, oidcSubject: 'sub-ada' }]);
    });

    it('offers none linked to another subject, and keeps matching by subject exact', async () => {
      rows[0].oidcSubject = 'sub-other';
      expect((await service.resolve(identity)).map((one) => one.id)).toEqual([ADA]);
      const bySubject = await service.resolve({ ...identity, sub: 'sub-other' });
      expect(bySubject.map((one) => one.id)).toEqual([ELSEWHERE]);
    });
  });
});
