import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, MoreThan, Repository } from 'typeorm';
import { AppConfig, JobName, JobQueue, linkSecret } from '@app/core';
import { User } from '../entities/user.entity';
import { OrganizationsService } from '../organizations.service';
import { PartiesErrorCode as Code, PartiesException } from '../parties.exception';
import { Locale } from '../parties.types';
import { SignInLink } from './sign-in-link.entity';
import { SignInLinkMac } from './sign-in-link-mac';

/** How long a sign-in link works. */
export const SIGN_IN_LINK_MINUTES = 15;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What a link can still do: sign in, or why it no longer can. */
export type SignInLinkStatus = 'usable' | 'used' | 'expired' | 'revoked';

/** A link as its page shows it, in the language of its person's organization. */
export interface SignInLinkView {
  status: SignInLinkStatus;
  locale: Locale;
  expiresAt: Date;
}

/** What the mail of a link says, for the worker that sends it; the URL is the credential. */
export interface SignInMail {
  linkId: string;
  to: string;
  url: string;
  locale: Locale;
  expiresAt: Date;
}

/**
 * A link just used: the active accounts of the address it proved (one, or several in different
 * organizations, for the person to choose from), oldest first, and where they go next.
 */
export interface UsedSignInLink {
  users: User[];
  returnTo: string | null;
}

const REFUSAL: Record<Exclude<SignInLinkStatus, 'usable'>, Code> = {
  used: Code.SignInLinkUsed,
  expired: Code.SignInLinkExpired,
  revoked: Code.SignInLinkRevoked,
};

/**
 * Sign-in by emailed link: single-use links that work for fifteen minutes, at most
 * `SIGN_IN_LINK_LIMIT` an hour for one address. Asking for one never says whether the address is
 * known. Following a link only shows a page (mail scanners open links); the POST from that page
 * uses it, once, whatever happens at the same time. A link proves the address: it signs in to any
 * active account that has it, whichever organization's (the person chooses when there are several).
 */
@Injectable()
export class SignInLinks {
  private readonly logger = new Logger(SignInLinks.name);
  private readonly mac: SignInLinkMac;

  constructor(
    @InjectRepository(SignInLink) private readonly links: Repository<SignInLink>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {
    this.mac = new SignInLinkMac(
      linkSecret(config, this.logger, 'sign-in links work only in the process that mails them'),
    );
  }

  /**
   * Mails one sign-in link to this address (in any case) when an active user has it, unless the
   * address was sent `SIGN_IN_LINK_LIMIT` in the last hour, whatever the accounts it has. Says
   * nothing of what it did: the caller answers the same whatever the address.
   */
  async request(email: string, returnTo: string | null): Promise<void> {
    const accounts = await this.accountsOf(email.trim().toLowerCase());
    const user = accounts.find((account) => account.active);
    if (!user) return;
    const now = new Date();
    const link: SignInLink = Object.assign(new SignInLink(), {
      id: randomUUID(),
      userId: user.id,
      returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * MINUTE_MS),
      usedAt: null,
    });
    await this.links.insert(link);
    // Counted after the insert, so requests at the same moment cannot all slip under the limit.
    const lastHour = await this.links.countBy({
      userId: In(accounts.map((account) => account.id)),
      createdAt: MoreThan(new Date(now.getTime() - HOUR_MS)),
    });
    if (lastHour > this.config.env.SIGN_IN_LINK_LIMIT) {
      await this.links.delete({ id: link.id });
      this.logger.log(
        `sign-in link limit reached for the address of user ${user.id}: nothing sent`,
      );
      return;
    }
    try {
      await this.jobs.enqueue([{ name: JobName.SendSignInLink, data: { linkId: link.id } }]);
    } catch (error) {
      // Failing here, and only here, would tell that the address has an account: answer as for any
      // address, and leave the limit as it was, so asking again once Redis is back works.
      await this.links.delete({ id: link.id });
      this.logger.warn(
        `sign-in link ${link.id} not queued, nothing sent (Redis: ${(error as Error).message})`,
      );
    }
  }

  /** The mail of a link that can still sign its person in; null once it cannot. */
  async mailOf(linkId: string): Promise<SignInMail | null> {
    const link = await this.links.findOneBy({ id: linkId });
    const user = link ? await this.users.findOneBy({ id: link.userId }) : null;
    if (!link || !user) return null;
    const open = (await this.accountsOf(user.email)).some((account) => account.active);
    if (statusOf(link, open, new Date()) !== 'usable') return null;
    return {
      linkId,
      to: user.email,
      url: `${this.config.publicUrl}/auth/email-link/${this.mac.token(link.id)}`,
      locale: await this.localeOf(user),
      expiresAt: new Date(link.expiresAt),
    };
  }

  /** What a link can still do, without using it; a forged or unknown one is refused. */
  async inspect(token: string): Promise<SignInLinkView> {
    const { link, user } = await this.verified(token);
    const open = (await this.accountsOf(user.email)).some((account) => account.active);
    return {
      status: statusOf(link, open, new Date()),
      locale: await this.localeOf(user),
      expiresAt: link.expiresAt,
    };
  }

  /**
   * Uses a link, once: the first caller to mark it used wins; any other (the same link posted twice,
   * or after its fifteen minutes) is refused with why. An address whose accounts are all
   * deactivated is refused too.
   */
  async use(token: string): Promise<UsedSignInLink> {
    const { link, user } = await this.verified(token);
    const now = new Date();
    const claimed = await this.links.update(
      { id: link.id, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    if (!claimed.affected) {
      const status = link.usedAt || link.expiresAt > now ? 'used' : 'expired';
      throw new PartiesException(REFUSAL[status]);
    }
    const users = (await this.accountsOf(user.email)).filter((account) => account.active);
    if (users.length === 0) throw new PartiesException(Code.SignInLinkRevoked);
    return { users, returnTo: link.returnTo };
  }

  /** Every account with this (lower-case) address, in any organization, active or not, oldest first. */
  private async accountsOf(email: string): Promise<User[]> {
    const accounts = await this.users.findBy({ email });
    return accounts.sort(
      (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
    );
  }

  private async verified(token: string): Promise<{ link: SignInLink; user: User }> {
    const id = this.mac.idOf(token);
    const link = id ? await this.links.findOneBy({ id }) : null;
    const user = link ? await this.users.findOneBy({ id: link.userId }) : null;
    if (!link || !user) throw new PartiesException(Code.SignInLinkInvalid);
    return {
      link: {
        ...link,
        createdAt: new Date(link.createdAt),
        expiresAt: new Date(link.expiresAt),
        usedAt: link.usedAt ? new Date(link.usedAt) : null,
      },
      user,
    };
  }

  private async localeOf(user: User): Promise<Locale> {
    return (await this.organizations.findById(user.organizationId))?.locale ?? Locale.En;
  }
}

/** `open`: whether the address still has an active account. */
function statusOf(link: SignInLink, open: boolean, now: Date): SignInLinkStatus {
  if (link.usedAt) return 'used';
  if (new Date(link.expiresAt) <= now) return 'expired';
  return open ? 'usable' : 'revoked';
}
