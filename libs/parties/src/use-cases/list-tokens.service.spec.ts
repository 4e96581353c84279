import type { Repository } from 'typeorm';
import { ApiToken } from '../entities/api-token.entity';
import { User } from '../entities/user.entity';
import { PartiesErrorCode, PartiesException } from '../parties.exception';
import { Role } from '../parties.types';
import { CUSTOMER_A, CUSTOMER_B, principal, PROVIDER_ORG } from '../testing/principal.fixture';
import { ListTokensService } from './list-tokens.service';

const OWNER = '00000000-0000-4000-8000-0000000000a1';
const ADMIN = '00000000-0000-4000-8000-0000000000ff';

const token = Object.assign(new ApiToken(), {
  id: '00000000-0000-4000-8000-0000000000c1',
  userId: OWNER,
  tokenHash: 'f'.repeat(64),
  prefix: 'raci_abcdefg',
  issuedBy: OWNER,
  issuedWith: 'session',
  createdAt: new Date('2026-11-30T10:00:00Z'),
  revokedAt: null,
  lastUsedAt: null,
});

const refused = (code: PartiesErrorCode) =>
  expect.objectContaining({ code }) as unknown as PartiesException;

describe('ListTokensService', () => {
  let find: jest.Mock;
  let service: ListTokensService;

  beforeEach(() => {
    find = jest.fn().mockResolvedValue([token]);
    const owner = Object.assign(new User(), { id: OWNER, organizationId: CUSTOMER_A });
    const users = {
      findOneBy: jest.fn(({ id }: { id: string }) => Promise.resolve(id === OWNER ? owner : null)),
    };
    service = new ListTokensService(
      { find } as unknown as Repository<ApiToken>,
      users as unknown as Repository<User>,
    );
  });

  it('lists the caller’s own tokens, without their digest', async () => {
    const page = await service.list(principal(CUSTOMER_A, [Role.Requester], OWNER), undefined);
    expect(page).toEqual({
      items: [
        {
          id: token.id,
          userId: OWNER,
          prefix: 'raci_abcdefg',
          createdAt: token.createdAt,
          lastUsedAt: null,
          revokedAt: null,
          issuedBy: OWNER,
          personal: true,
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(page)).not.toContain('f'.repeat(64));
  });

  it('lets an admin of the owner’s organization and a provider admin see them', async () => {
    await service.list(principal(CUSTOMER_A, [Role.Admin], ADMIN), OWNER);
    await service.list(principal(PROVIDER_ORG, [Role.Admin], ADMIN), OWNER);
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('refuses a colleague who is no admin, and hides another tenant’s user', async () => {
    await expect(
      service.list(principal(CUSTOMER_A, [Role.Requester], ADMIN), OWNER),
    ).rejects.toEqual(refused(PartiesErrorCode.AdminRequired));
    await expect(service.list(principal(CUSTOMER_B, [Role.Admin], ADMIN), OWNER)).rejects.toEqual(
      refused(PartiesErrorCode.UserNotFound),
    );
    expect(find).not.toHaveBeenCalled();
  });

  it('gives the bootstrap admin, who is no user, no token of its own', async () => {
    const page = await service.list(principal(PROVIDER_ORG, [Role.Admin], null), undefined);
    expect(page).toEqual({ items: [], nextCursor: null });
  });
});
