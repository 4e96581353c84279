import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AdminAction, AdminAuditService, created } from '@app/audit';
import {
  isUniqueViolation,
  oldestFirstPage,
  Page,
  PageRequest,
  TransactionRunner,
} from '@app/core';
import { AccessPolicy } from './access-policy';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationsService } from './organizations.service';
import { isUuid } from './is-uuid';
import { PartiesErrorCode, PartiesException } from './parties.exception';
import { CreateUserInput, IssuedToken, Principal } from './parties.types';
import { normalizeRoles } from './roles';
import { TokensService } from './tokens.service';

/** The caller as `GET /v1/me` shows it; `user` is null for the bootstrap admin. */
export interface Whoami {
  user: User | null;
  principal: Principal;
  organization: Organization;
}

/** Users: people of an organization, with roles, each reaching the API through its tokens. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    private readonly tokens: TokensService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  /** A user and its first token; by a provider admin, or by an admin of that organization. */
  async create(
    principal: Principal,
    organizationId: string,
    input: CreateUserInput,
  ): Promise<{ user: User; token: IssuedToken }> {
    const organization = await this.organizations.get(principal, organizationId);
    AccessPolicy.requireAdmin(principal, organization.id);
    const user = newUser(organization.id, input);
    await this.refuseTaken(user);
    try {
      return await this.transactions.run(async (manager) => {
        await manager.getRepository(User).insert(user);
        const { email, name, roles, active, oidcSubject } = user;
        await this.audit.record(manager, {
          organizationId: user.organizationId,
          actor: principal,
          action: AdminAction.UserCreated,
          subjectType: 'user',
          subjectId: user.id,
          changes: created({ email, name, roles, active, ...(oidcSubject ? { oidcSubject } : {}) }),
        });
        return { user, token: await this.tokens.issueFor(user, manager, principal) };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another user took the address or the subject meanwhile: say which.
      await this.refuseTaken(user);
      throw new PartiesException(PartiesErrorCode.EmailTaken, { email: user.email });
    }
  }

  /**
   * 409 EMAIL_TAKEN when another user of the same organization has the new user's address (another
   * organization's never counts, nor shows), or OIDC_SUBJECT_TAKEN for its subject.
   */
  private async refuseTaken(user: User): Promise<void> {
    if (await this.users.existsBy({ organizationId: user.organizationId, email: user.email }))
      throw new PartiesException(PartiesErrorCode.EmailTaken, { email: user.email });
    if (user.oidcSubject && (await this.users.existsBy({ oidcSubject: user.oidcSubject })))
      throw new PartiesException(PartiesErrorCode.OidcSubjectTaken, {
        oidcSubject: user.oidcSubject,
      });
  }

  /** The users of an organization, for its admins and provider admins. */
  async list(
    principal: Principal,
    organizationId: string,
    page: PageRequest = {},
  ): Promise<Page<User>> {
    const organization = await this.organizations.get(principal, organizationId);
    AccessPolicy.requireAdmin(principal, organization.id);
    return oldestFirstPage(this.users, { organizationId: organization.id }, page);
  }

  /** A user the caller can see (another tenant's is "not found"), for the engine's use cases. */
  async visible(principal: Principal, id: string): Promise<User> {
    const user = isUuid(id) ? await this.users.findOneBy({ id }) : null;
    if (!user || !AccessPolicy.canSee(principal, user.organizationId))
      throw new PartiesException(PartiesErrorCode.UserNotFound, { id });
    return user;
  }

  /** Users by id, active or not, for the engine's own use (never a caller's read). */
  /** In a transaction, pass its manager: a second connection per call can exhaust the pool. */
  byIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    const users = manager?.getRepository(User) ?? this.users;
    return ids.length ? users.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The active users of these organizations, by email, for the engine's own use (never a caller's read). */
  membersOf(organizationIds: readonly string[]): Promise<User[]> {
    return this.users.find({
      where: { organizationId: In([...organizationIds]), active: true },
      order: { email: 'ASC' },
    });
  }

  /** Who the caller is, with its organization. */
  async whoami(principal: Principal): Promise<Whoami> {
    const organization = await this.organizations.get(principal, principal.organizationId);
    const user = principal.userId ? await this.users.findOneBy({ id: principal.userId }) : null;
    return { user, principal, organization };
  }
}

function newUser(organizationId: string, input: CreateUserInput): User {
  const roles = normalizeRoles(input.roles);
  const now = new Date();
  return Object.assign(new User(), {
    id: randomUUID(),
    organizationId,
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    roles,
    oidcSubject: input.oidcSubject?.trim() || null,
    active: true,
    deactivatedAt: null,
    createdAt: now,
    updatedAt: now,
  });
}
