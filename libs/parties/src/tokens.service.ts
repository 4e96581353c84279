import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AdminAction, AdminAuditService, created } from '@app/audit';
import { AppConfig, TransactionRunner } from '@app/core';
import { AccessPolicy } from './access-policy';
import { AuthMethod, CredentialKind } from './credential';
import { ApiToken } from './entities/api-token.entity';
import { User } from './entities/user.entity';
import { isUuid } from './is-uuid';
import { isPersonalToken, issuerOf } from './token-issuer';
import { OrganizationsService } from './organizations.service';
import { PartiesErrorCode, PartiesException } from './parties.exception';
import { principalKey, PrincipalCacheService } from './principal-cache/principal-cache.service';
import { IssuedToken, OrganizationKind, partyOfKind, Principal, Role } from './parties.types';

/** Every issued token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'raci_';
/** How many leading characters of a token are kept in clear, to tell tokens apart. */
const SHOWN_PREFIX_LENGTH = 12;
/** lastUsedAt is precise to the minute: at most one write per token and minute. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** `raci_` and 32 random bytes in base64url are 48 characters; anything much longer is not ours. */
const MAX_TOKEN_LENGTH = 256;

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Bearer tokens: issued once in clear, kept as SHA-256, revocable; and who a bearer is. */
@Injectable()
export class TokensService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TokensService.name);
  private readonly adminDigest: Buffer | null;

  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly cache: PrincipalCacheService,
  ) {
    this.adminDigest = config.env.ADMIN_TOKEN ? sha256(config.env.ADMIN_TOKEN) : null;
  }

  onApplicationBootstrap(): void {
    if (!this.adminDigest) {
      this.logger.log('ADMIN_TOKEN is not set: only the tokens of existing users authenticate');
    }
  }

  /**
   * The principal a bearer token stands for, or null for any token that does not (or no longer)
   * work. Kept for `AUTH_CACHE_TTL_MS`: lastUsedAt is then written when the token is read again.
   */
  async authenticate(bearer: string): Promise<Principal | null> {
    if (this.isAdminToken(bearer)) return this.bootstrapAdmin();
    if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > MAX_TOKEN_LENGTH) return null;
    const tokenHash = sha256(bearer).toString('hex');
    return this.cache.principal(principalKey.token(tokenHash), () => this.load(tokenHash));
  }

  private async load(tokenHash: string): Promise<{ principal: Principal } | null> {
    const token = await this.tokens.findOneBy({ tokenHash });
    const user =
      token && !token.revokedAt ? await this.users.findOneBy({ id: token.userId }) : null;
    if (!token || !user?.active) return null;
    await this.touch(token);
    const credential = {
      kind: CredentialKind.ApiToken,
      id: token.id,
      issuer: issuerOf(token),
      personal: isPersonalToken(token),
      method: AuthMethod.ApiToken,
      acr: null,
      amr: [],
      authTime: null,
    };
    return { principal: { ...(await this.principalOf(user)), credential } };
  }

  /** An active user by id, or null (the owner of a session or an identity provider's subject). */
  async activeUser(userId: string): Promise<User | null> {
    const user = isUuid(userId) ? await this.users.findOneBy({ id: userId }) : null;
    return user?.active ? user : null;
  }

  /** The principal a user acts as (also for links that act on a user's behalf, as in email approvals). */
  async principalOf(user: User): Promise<Principal> {
    const providerId = await this.organizations.providerOrganizationId();
    const kind =
      user.organizationId === providerId ? OrganizationKind.Provider : OrganizationKind.Customer;
    return {
      userId: user.id,
      email: user.email,
      organizationId: user.organizationId,
      kind,
      party: partyOfKind(kind),
      roles: user.roles,
    };
  }

  /**
   * The principal (without its credential) of the active user the identity provider's subject
   * stands for, or null; kept for `AUTH_CACHE_TTL_MS`.
   */
  async principalOfSubject(subject: string): Promise<Principal | null> {
    return this.cache.principal(principalKey.subject(subject), async () => {
      const user = await this.users.findOneBy({ oidcSubject: subject });
      return user?.active ? { principal: await this.principalOf(user) } : null;
    });
  }

  /** The principal of an active user the engine acts for (a decision link's approver); else null. */
  async principalOfUser(userId: string): Promise<Principal | null> {
    const user = await this.activeUser(userId);
    return user ? this.principalOf(user) : null;
  }

  /** A new token for a user: the user itself, an admin of its organization or a provider admin. */
  async issue(principal: Principal, userId: string): Promise<IssuedToken> {
    const user = isUuid(userId) ? await this.users.findOneBy({ id: userId }) : null;
    if (!user || !AccessPolicy.canSee(principal, user.organizationId)) {
      throw new PartiesException(PartiesErrorCode.UserNotFound, { id: userId });
    }
    if (principal.userId !== user.id) AccessPolicy.requireAdmin(principal, user.organizationId);
    return this.transactions.run((manager) => this.issueFor(user, manager, principal));
  }

  /**
   * Issues a token without any check, in the caller's transaction, and records who did it and with
   * what credential: only a token its owner minted while signed in is personal (may decide).
   */
  async issueFor(
    user: Pick<User, 'id' | 'organizationId'>,
    manager: EntityManager,
    actor: Principal,
  ): Promise<IssuedToken> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = Object.assign(new ApiToken(), {
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256(token).toString('hex'),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      issuedBy: actor.userId,
      issuedWith: actor.credential?.kind ?? null,
      createdAt: new Date(),
      revokedAt: null,
      lastUsedAt: null,
    });
    await manager.insert(ApiToken, row);
    await this.audit.record(manager, {
      organizationId: user.organizationId,
      actor,
      action: AdminAction.TokenCreated,
      subjectType: 'token',
      subjectId: row.id,
      changes: created({
        userId: user.id,
        prefix: row.prefix,
        tokenHash: row.tokenHash,
        personal: isPersonalToken(row),
      }),
    });
    return {
      id: row.id,
      token,
      prefix: row.prefix,
      createdAt: row.createdAt,
      issuedBy: row.issuedBy,
      personal: isPersonalToken(row),
    };
  }

  /** Revokes a token: its owner, an admin of the owner's organization or a provider admin. */
  async revoke(principal: Principal, tokenId: string): Promise<void> {
    const token = isUuid(tokenId) ? await this.tokens.findOneBy({ id: tokenId }) : null;
    const owner = token ? await this.users.findOneBy({ id: token.userId }) : null;
    if (!token || !owner || !AccessPolicy.canSee(principal, owner.organizationId)) {
      throw new PartiesException(PartiesErrorCode.TokenNotFound, { id: tokenId });
    }
    if (principal.userId !== owner.id) AccessPolicy.requireAdmin(principal, owner.organizationId);
    if (token.revokedAt) return;
    const revokedAt = new Date();
    await this.transactions.run(async (manager) => {
      await manager.update(ApiToken, { id: token.id }, { revokedAt });
      await this.audit.record(manager, {
        organizationId: owner.organizationId,
        actor: principal,
        action: AdminAction.TokenRevoked,
        subjectType: 'token',
        subjectId: token.id,
        changes: { revokedAt: { from: null, to: revokedAt.toISOString() } },
      });
    });
    await this.cache.invalidate({ credential: principalKey.token(token.tokenHash) });
  }

  /** Compares digests, not tokens, so the comparison takes the same time whatever the input. */
  private isAdminToken(bearer: string): boolean {
    return this.adminDigest !== null && timingSafeEqual(sha256(bearer), this.adminDigest);
  }

  private async bootstrapAdmin(): Promise<Principal> {
    return {
      userId: null,
      email: null,
      organizationId: await this.organizations.providerOrganizationId(),
      kind: OrganizationKind.Provider,
      party: partyOfKind(OrganizationKind.Provider),
      roles: [Role.Admin],
      credential: {
        kind: CredentialKind.AdminToken,
        id: null,
        issuer: null,
        personal: false,
        method: AuthMethod.ApiToken,
        acr: null,
        amr: [],
        authTime: null,
      },
    };
  }

  private async touch(token: ApiToken): Promise<void> {
    const now = new Date();
    if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) {
      return;
    }
    await this.tokens.update({ id: token.id }, { lastUsedAt: now });
  }
}
