import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AdminAction, AdminAuditService } from '@app/audit';
import { isUniqueViolation, TransactionRunner } from '@app/core';
import { User } from '../entities/user.entity';
import { PartiesErrorCode as Code, PartiesException } from '../parties.exception';

/** Who the identity provider says signed in: its subject, and the address it vouches for, if any. */
export interface SignedInIdentity {
  sub: string;
  email?: string;
  /** Only `true` lets the address find a user; anything else is an address nobody checked. */
  emailVerified?: boolean;
}

/**
 * The users a person who signed in at the identity provider may be. First by subject
 * (`oidcSubject`), exactly: one user. A person not linked yet, by the address the provider has
 * verified: when one active user has it, the subject is linked to that user for good (recorded in
 * the admin audit log, by the person themselves), so a later change of address at either side keeps
 * them the same user. When active users of several organizations have it, all of them, for the
 * person to choose from, and nothing is linked: a subject stands for one user, and linking the
 * first choice would close the other organizations to this person for good. Nobody gets a new
 * account here: an unknown person is refused (403 NO_USER_FOR_SIGN_IN), a deactivated user too
 * (403 USER_DEACTIVATED), and a user already linked to another subject is never relinked by
 * address, nor offered.
 */
@Injectable()
export class ResolveSignedInPersonService {
  private readonly logger = new Logger(ResolveSignedInPersonService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
  ) {}

  /** One user, or several (oldest first) for the person to choose from. */
  async resolve(identity: SignedInIdentity): Promise<User[]> {
    const linked = await this.users.findOneBy({ oidcSubject: identity.sub });
    if (linked) return [active(linked)];
    const email = identity.emailVerified === true ? identity.email?.trim().toLowerCase() : '';
    if (!email) throw new PartiesException(Code.NoUserForSignIn);
    const unlinked = (await this.users.findBy({ email })).filter((user) => !user.oidcSubject);
    if (unlinked.length === 0) throw new PartiesException(Code.NoUserForSignIn);
    const open = unlinked.filter((user) => user.active);
    if (open.length === 0) throw new PartiesException(Code.UserDeactivated);
    if (open.length > 1)
      return open.sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt));
    return [await this.link(open[0], identity.sub)];
  }

  /** Links `sub` to the user, unless it has been linked meanwhile (to it, or to anyone). */
  private async link(user: User, sub: string): Promise<User> {
    try {
      return await this.transactions.run(async (manager) => {
        await this.audit.lockChain(manager, user.organizationId);
        const current = await manager.findOneByOrFail(User, { id: user.id });
        if (current.oidcSubject) throw new PartiesException(Code.NoUserForSignIn);
        const linked = Object.assign(new User(), current, {
          oidcSubject: sub,
          updatedAt: new Date(),
        });
        await manager.save(User, linked);
        await this.audit.record(manager, {
          organizationId: linked.organizationId,
          actor: { userId: linked.id, organizationId: linked.organizationId },
          action: AdminAction.UserUpdated,
          subjectType: 'user',
          subjectId: linked.id,
          changes: { oidcSubject: { from: null, to: sub } },
        });
        this.logger.log(`user ${linked.id} linked to the identity provider by verified email`);
        return linked;
      });
    } catch (error) {
      // The same subject was linked to someone else in between: it signs in as that user.
      if (isUniqueViolation(error)) {
        const holder = await this.users.findOneBy({ oidcSubject: sub });
        if (holder) return active(holder);
      }
      throw error;
    }
  }
}

function active(user: User): User {
  if (!user.active) throw new PartiesException(Code.UserDeactivated);
  return user;
}
