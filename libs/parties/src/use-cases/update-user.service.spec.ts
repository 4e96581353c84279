import { QueryFailedError } from 'typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { fakeAdminAudit, inOneTransaction } from '@app/audit/testing/admin-audit.fixture';
import { User } from '../entities/user.entity';
import { PartiesErrorCode, PartiesException } from '../parties.exception';
import { Role, UserKind } from '../parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from '../testing/principal.fixture';
import { UsersService } from '../users.service';
import { SessionsService } from '../sessions/sessions.service';
import { passThroughPrincipalCache } from '../testing/principal-cache.fixture';
import { UpdateUserService } from './update-user.service';

const ADMIN_ID = '00000000-0000-4000-8000-0000000000ff';
const USER_ID = '00000000-0000-4000-8000-0000000000a1';

const user = (id: string, roles: Role[], active = true, kind = UserKind.Person) =>
  Object.assign(new User(), {
    id,
    organizationId: CUSTOMER_A,
    name: 'Ada',
    roles,
    kind,
    active,
    oidcSubject: null,
  });

describe('UpdateUserService', () => {
  let rows: User[];
  let audit: ReturnType<typeof fakeAdminAudit>;
  let emit: jest.Mock;
  let endSessions: jest.Mock;
  let save: jest.Mock;
  let service: UpdateUserService;
  let principals: ReturnType<typeof passThroughPrincipalCache>;
  const admin = principal(CUSTOMER_A, [Role.Admin], ADMIN_ID);

  beforeEach(() => {
    rows = [user(ADMIN_ID, [Role.Admin]), user(USER_ID, [Role.Requester])];
    const byId = (where: { id: string }) => rows.find((row) => row.id === where.id) ?? null;
    save = jest.fn((row: User) => {
      rows = rows.map((r) => (r.id === row.id ? row : r));
      return Promise.resolve(row);
    });
    const repository = {
      findOneBy: (where: Partial<User>) =>
        Promise.resolve(
          rows.find((row) =>
            Object.entries(where).every(([field, value]) => row[field as keyof User] === value),
          ) ?? null,
        ),
      findBy: () => Promise.resolve(rows.filter((row) => row.active)),
      save,
    };
    const users = {
      visible: (viewer: typeof admin, id: string) => {
        const found = byId({ id });
        return found &&
          (viewer.organizationId === PROVIDER_ORG || viewer.organizationId === CUSTOMER_A)
          ? Promise.resolve(found)
          : Promise.reject(new PartiesException(PartiesErrorCode.UserNotFound, { id }));
      },
    } as unknown as UsersService;
    audit = fakeAdminAudit();
    emit = jest.fn().mockResolvedValue([]);
    endSessions = jest.fn().mockResolvedValue(undefined);
    principals = passThroughPrincipalCache();
    service = new UpdateUserService(
      users,
      inOneTransaction(repository),
      audit,
      { emitAsync: emit } as unknown as EventEmitter2,
      { endAllOf: endSessions } as unknown as SessionsService,
      principals,
    );
  });

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );

  it('changes the fields given and records them, from and to', async () => {
    const { user: changed, deactivated } = await service.update(admin, USER_ID, {
      name: ' Ada King ',
      roles: [Role.Approver, Role.Approver],
    });
    expect(changed).toMatchObject({ name: 'Ada King', roles: [Role.Approver] });
    expect(deactivated).toBeNull();
    expect(audit.record).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'user.updated',
        organizationId: CUSTOMER_A,
        changes: {
          name: { from: 'Ada', to: 'Ada King' },
          roles: { from: [Role.Requester], to: [Role.Approver] },
        },
      }),
    );
  });

  it('never gives a service account a role that decides, and stores nothing then', async () => {
    const SERVICE_ID = '00000000-0000-4000-8000-0000000000b1';
    rows.push(user(SERVICE_ID, [Role.Requester], true, UserKind.Service));
    for (const role of [Role.Approver, Role.Consultant]) {
      await expect(codeOf(service.update(admin, SERVICE_ID, { roles: [role] }))).resolves.toBe(
        PartiesErrorCode.ServiceAccountCannotDecide,
      );
    }
    expect(save).not.toHaveBeenCalled();
    const { user: changed } = await service.update(admin, SERVICE_ID, { roles: [Role.Operator] });
    expect(changed.roles).toEqual([Role.Operator]);
    await service.update(admin, USER_ID, { roles: [Role.Approver] });
    expect(rows.find((row) => row.id === USER_ID)!.roles).toEqual([Role.Approver]);
  });

  it('announces a deactivation once committed, and records nothing for no change', async () => {
    const { user: changed, deactivated } = await service.update(admin, USER_ID, { active: false });
    expect(changed).toMatchObject({ active: false, deactivatedAt: expect.any(Date) });
    expect(deactivated).toMatchObject({
      type: 'user.deactivated',
      userId: USER_ID,
      organizationId: CUSTOMER_A,
    });
    expect(emit).toHaveBeenCalledWith('user.deactivated', deactivated);
    expect(endSessions).toHaveBeenCalledWith(expect.anything(), USER_ID, changed.deactivatedAt);
    expect(principals.invalidate).toHaveBeenCalledWith({ user: USER_ID });
    audit.record.mockClear();
    principals.invalidate.mockClear();
    await service.update(admin, USER_ID, { active: false });
    expect(audit.record).not.toHaveBeenCalled();
    expect(emit).toHaveBeenCalledTimes(1);
    expect(principals.invalidate).not.toHaveBeenCalled();
  });

  it('has every process read the user again after a role change, not after a refused one', async () => {
    await service.update(admin, USER_ID, { roles: [Role.Approver] });
    expect(principals.invalidate).toHaveBeenCalledWith({ user: USER_ID });
    principals.invalidate.mockClear();
    await expect(
      service.update(principal(CUSTOMER_A, [Role.Requester]), USER_ID, { roles: [] }),
    ).rejects.toBeDefined();
    expect(principals.invalidate).not.toHaveBeenCalled();
  });

  it('keeps a committed deactivation when announcing it fails', async () => {
    emit.mockRejectedValueOnce(new Error('Redis is down'));
    const { user: changed } = await service.update(admin, USER_ID, { active: false });
    expect(changed.active).toBe(false);
  });

  it('refuses to deactivate or demote the last active admin', async () => {
    expect(await codeOf(service.update(admin, ADMIN_ID, { active: false }))).toBe(
      'LAST_ACTIVE_ADMIN',
    );
    expect(await codeOf(service.update(admin, ADMIN_ID, { roles: [Role.Approver] }))).toBe(
      'OWN_ROLES_ESCALATION',
    );
    const provider = principal(PROVIDER_ORG, [Role.Admin], null);
    expect(await codeOf(service.update(provider, ADMIN_ID, { roles: [Role.Approver] }))).toBe(
      'LAST_ACTIVE_ADMIN',
    );
    expect(audit.record).not.toHaveBeenCalled();
  });

  it("sets, and with null clears, the identity provider's subject, recording both", async () => {
    const { user: linked } = await service.update(admin, USER_ID, { oidcSubject: ' sub-ada ' });
    expect(linked.oidcSubject).toBe('sub-ada');
    expect(audit.record).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ changes: { oidcSubject: { from: null, to: 'sub-ada' } } }),
    );
    const { user: unlinked } = await service.update(admin, USER_ID, { oidcSubject: null });
    expect(unlinked.oidcSubject).toBeNull();
    expect(audit.record).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ changes: { oidcSubject: { from: 'sub-ada', to: null } } }),
    );
  });

  it('refuses a subject another user signs in as, also when two changes race', async () => {
    rows[0].oidcSubject = 'sub-admin';
    await expect(
      codeOf(service.update(admin, USER_ID, { oidcSubject: 'sub-admin' })),
    ).resolves.toBe('OIDC_SUBJECT_TAKEN');
    expect(rows[1].oidcSubject).toBeNull();
    const duplicate = new QueryFailedError(
      'UPDATE',
      [],
      Object.assign(new Error('dup'), { code: '23505' }),
    );
    save.mockRejectedValueOnce(duplicate);
    await expect(codeOf(service.update(admin, USER_ID, { oidcSubject: 'sub-new' }))).resolves.toBe(
      'OIDC_SUBJECT_TAKEN',
    );
  });

  it('refuses a non-admin, another customer, and a user giving itself a role', async () => {
    expect(
      await codeOf(service.update(principal(CUSTOMER_A, [Role.Requester]), USER_ID, { name: 'x' })),
    ).toBe('ADMIN_REQUIRED');
    expect(
      await codeOf(service.update(principal(CUSTOMER_B, [Role.Admin]), USER_ID, { name: 'x' })),
    ).toBe('USER_NOT_FOUND');
    expect(
      await codeOf(service.update(admin, ADMIN_ID, { roles: [Role.Admin, Role.Approver] })),
    ).toBe('OWN_ROLES_ESCALATION');
    expect(await codeOf(service.update(admin, ADMIN_ID, { roles: [Role.Admin] }))).toBe('resolved');
  });
});
