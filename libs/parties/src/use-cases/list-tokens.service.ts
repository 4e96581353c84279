import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  CommonErrorCode,
  CommonException,
  keysetPage,
  Page,
  PageCursor,
  PageRequest,
} from '@app/core';
import { AccessPolicy } from '../access-policy';
import { ApiToken } from '../entities/api-token.entity';
import { User } from '../entities/user.entity';
import { isUuid } from '../is-uuid';
import { PartiesErrorCode, PartiesException } from '../parties.exception';
import { Principal } from '../parties.types';
import { isPersonalToken } from '../token-issuer';

/** A token as a list shows it: never its secret nor its digest, only what tells it apart. */
export interface ListedToken {
  id: string;
  userId: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  issuedBy: string | null;
  personal: boolean;
}

/**
 * The tokens of a user, newest first: the caller's own by default; another user's for an admin of
 * that user's organization or a provider admin. Another tenant's user is "not found".
 */
@Injectable()
export class ListTokensService {
  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async list(
    principal: Principal,
    userId: string | undefined,
    page: PageRequest = {},
  ): Promise<Page<ListedToken>> {
    const ownerId = userId ?? principal.userId;
    // The bootstrap admin (ADMIN_TOKEN) is no user and owns no token; a forged cursor is still one.
    if (!ownerId) {
      if (page.cursor !== undefined && !PageCursor.toTimeId(page.cursor)) {
        throw new CommonException(CommonErrorCode.InvalidCursor);
      }
      return { items: [], nextCursor: null };
    }
    if (ownerId !== principal.userId) await this.requireAdminOf(principal, ownerId);
    const { items, nextCursor } = await keysetPage(this.tokens, { userId: ownerId }, page, 'DESC');
    return { items: items.map(listed), nextCursor };
  }

  private async requireAdminOf(principal: Principal, userId: string): Promise<void> {
    const user = isUuid(userId) ? await this.users.findOneBy({ id: userId }) : null;
    if (!user || !AccessPolicy.canSee(principal, user.organizationId)) {
      throw new PartiesException(PartiesErrorCode.UserNotFound, { id: userId });
    }
    AccessPolicy.requireAdmin(principal, user.organizationId);
  }
}

function listed(token: ApiToken): ListedToken {
  const { id, userId, prefix, createdAt, lastUsedAt, revokedAt, issuedBy } = token;
  return {
    id,
    userId,
    prefix,
    createdAt,
    lastUsedAt,
    revokedAt,
    issuedBy,
    personal: isPersonalToken(token),
  };
}
