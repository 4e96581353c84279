import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { AdminAction, AdminAuditService, diff } from '@app/audit';
import {
  isUniqueViolation,
  TransactionRunner,
  UserDeactivatedEvent,
  userDeactivated,
} from '@app/core';
import { AccessPolicy } from '../access-policy';
import { User } from '../entities/user.entity';
import { PartiesErrorCode as Code, PartiesException } from '../parties.exception';
import { Principal, UpdateUserInput } from '../parties.types';
import { PrincipalCacheService } from '../principal-cache/principal-cache.service';
import { isActiveAdmin, normalizeRoles, refuseDecidingService } from '../roles';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from '../users.service';

/** The user as changed, and the deactivation it amounts to, if it does. */
export interface UserUpdate {
  user: User;
  deactivated: UserDeactivatedEvent | null;
}

/**
 * Changes a user's name, roles, active flag or identity provider subject; who may do it is who may
 * create the user. Never leaves an organization without an active admin, nobody gives themselves
 * a role, and no two users sign in as the same subject.
 */
@Injectable()
export class UpdateUserService {
  private readonly logger = new Logger(UpdateUserService.name);

  constructor(
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly events: EventEmitter2,
    private readonly sessions: SessionsService,
    private readonly principals: PrincipalCacheService,
  ) {}

  async update(principal: Principal, id: string, input: UpdateUserInput): Promise<UserUpdate> {
    const target = await this.users.visible(principal, id);
    AccessPolicy.requireAdmin(principal, target.organizationId);
    const roles = input.roles && normalizeRoles(input.roles);
    if (roles) refuseDecidingService(target.kind, roles);
    const gained = roles?.filter((role) => !target.roles.includes(role)) ?? [];
    if (principal.userId === target.id && gained.length > 0)
      throw new PartiesException(Code.OwnRolesEscalation, { roles: gained.join(', ') });
    let changed = false;
    const update = await this.transactions.run(async (manager) => {
      await this.audit.lockChain(manager, target.organizationId);
      const before = await manager.findOneByOrFail(User, { id });
      const changes = diff(before, {
        name: input.name?.trim(),
        roles,
        active: input.active,
        oidcSubject: subjectOf(input.oidcSubject),
      });
      if (Object.keys(changes).length === 0) return { user: before, deactivated: null };
      changed = true;
      const at = new Date();
      const after = Object.assign(new User(), before, withChanges(before, changes, at));
      if (isActiveAdmin(before) && !isActiveAdmin(after)) await this.keepAnAdmin(manager, before);
      if (changes.oidcSubject && after.oidcSubject)
        await this.keepSubjectUnique(manager, id, after.oidcSubject);
      await manager.save(User, after).catch((error: unknown) => {
        if (changes.oidcSubject && isUniqueViolation(error))
          throw new PartiesException(Code.OidcSubjectTaken, { oidcSubject: after.oidcSubject });
        throw error;
      });
      await this.audit.record(manager, {
        organizationId: after.organizationId,
        actor: principal,
        action: AdminAction.UserUpdated,
        subjectType: 'user',
        subjectId: id,
        changes,
      });
      const deactivated = before.active && !after.active;
      if (deactivated) await this.sessions.endAllOf(manager, id, at);
      return { user: after, deactivated: deactivated ? userDeactivated(after) : null };
    });
    // Whatever changed, every process reads the user again: roles, activity and subject are its power.
    if (changed) await this.principals.invalidate({ user: id });
    if (update.deactivated) await this.announce(update.deactivated);
    return update;
  }

  /**
   * The one place a committed deactivation is announced; the requests it leaves with nobody to
   * decide are escalated before the answer. The change stands even if that fails: it is logged.
   */
  private async announce(event: UserDeactivatedEvent): Promise<void> {
    try {
      await this.events.emitAsync(event.type, event);
    } catch (error) {
      this.logger.error(
        `user ${event.userId} deactivated, announcing it failed: ${(error as Error).message}`,
      );
    }
  }

  /** 409 OIDC_SUBJECT_TAKEN when another user already signs in as `subject`. */
  private async keepSubjectUnique(
    manager: EntityManager,
    id: string,
    subject: string,
  ): Promise<void> {
    const holder = await manager.findOneBy(User, { oidcSubject: subject });
    if (holder && holder.id !== id)
      throw new PartiesException(Code.OidcSubjectTaken, { oidcSubject: subject });
  }

  /** 409 LAST_ACTIVE_ADMIN unless another active admin remains in the user's organization. */
  private async keepAnAdmin(manager: EntityManager, user: User): Promise<void> {
    const members = await manager.findBy(User, {
      organizationId: user.organizationId,
      active: true,
    });
    if (!members.some((member) => member.id !== user.id && isActiveAdmin(member)))
      throw new PartiesException(Code.LastActiveAdmin, { id: user.id });
  }
}

/** The subject as given: trimmed, an empty one clearing it like null; undefined leaves it. */
function subjectOf(input: string | null | undefined): string | null | undefined {
  if (input === undefined) return undefined;
  return input?.trim() || null;
}

function withChanges(
  user: User,
  changes: Record<string, { to: unknown }>,
  at: Date,
): Partial<User> {
  const to = Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [field, change.to]),
  );
  const deactivatedAt = 'active' in to ? (to.active ? null : at) : user.deactivatedAt;
  return { ...to, deactivatedAt, updatedAt: at };
}
