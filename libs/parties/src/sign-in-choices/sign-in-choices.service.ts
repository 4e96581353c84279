import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AppConfig, linkSecret } from '@app/core';
import { AuthMethod } from '../credential';
import { User } from '../entities/user.entity';
import { OrganizationsService } from '../organizations.service';
import { PartiesErrorCode as Code, PartiesException } from '../parties.exception';
import { SignIn } from '../sessions/sessions.service';
import { SignInLinkMac } from '../sign-in-links/sign-in-link-mac';
import { SignInChoice } from './sign-in-choice.entity';

/** How long a person has to choose an account once the address is proven. */
export const SIGN_IN_CHOICE_MINUTES = 10;
const MINUTE_MS = 60_000;
/** How long a choice that ended is kept (to tell used from unknown), before a new one sweeps it. */
const KEPT_MS = 24 * 60 * MINUTE_MS;
/** The key of choice tokens is derived from `LINK_SECRET` for this, and nothing else. */
const PURPOSE = 'raci-engine sign-in choices v1';

/** How the person proved the address, as the session they choose will record it. */
export type ProvenSignIn = Pick<SignIn, 'method' | 'acr' | 'amr' | 'authenticatedAt'>;

/** A choice just opened: its token (the browser's cookie) and when it ends. */
export interface OpenedChoice {
  token: string;
  expiresAt: Date;
}

/** One account a choice offers, named by its organization. */
export interface AccountOption {
  userId: string;
  organizationName: string;
}

/** The account chosen, how the person signed in, and where they go next. */
export interface ChosenAccount {
  user: User;
  signIn: ProvenSignIn;
  returnTo: string | null;
}

/**
 * The choice of account after a sign-in that proved an address several organizations' active
 * accounts share: recorded with those accounts, single use, ten minutes. Only the accounts it
 * names can be chosen; a forged, used or expired token is refused before anything is read or
 * spent, and an account not offered is refused without using the choice up.
 */
@Injectable()
export class SignInChoices {
  private readonly logger = new Logger(SignInChoices.name);
  private readonly mac: SignInLinkMac;

  constructor(
    @InjectRepository(SignInChoice) private readonly choices: Repository<SignInChoice>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    config: AppConfig,
  ) {
    const secret = linkSecret(
      config,
      this.logger,
      'an account is chosen in the process signing in',
    );
    this.mac = new SignInLinkMac(secret, PURPOSE);
  }

  /** Opens a choice among these accounts for a sign-in just made; forgets those ended a day ago. */
  async open(
    users: readonly User[],
    signIn: ProvenSignIn,
    returnTo: string | null,
  ): Promise<OpenedChoice> {
    const now = new Date();
    const choice = Object.assign(new SignInChoice(), {
      id: randomUUID(),
      userIds: users.map((user) => user.id),
      method: signIn.method,
      acr: signIn.acr ?? null,
      amr: signIn.amr ? [...signIn.amr] : null,
      authenticatedAt: signIn.authenticatedAt ?? now,
      returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_CHOICE_MINUTES * MINUTE_MS),
      usedAt: null,
    });
    await this.choices.insert(choice);
    await this.choices.delete({ expiresAt: LessThan(new Date(now.getTime() - KEPT_MS)) });
    return { token: this.mac.token(choice.id), expiresAt: choice.expiresAt };
  }

  /** The accounts a pending choice offers, still active, by organization name. */
  async options(token: string | undefined): Promise<AccountOption[]> {
    const choice = await this.pending(token);
    const users = await this.users.findBy({ id: In(choice.userIds), active: true });
    if (users.length === 0) throw new PartiesException(Code.UserDeactivated);
    const options = await Promise.all(
      users.map(async (user) => ({
        userId: user.id,
        organizationName: (await this.organizations.findById(user.organizationId))?.name ?? '',
      })),
    );
    return options.sort((a, b) => a.organizationName.localeCompare(b.organizationName));
  }

  /** Chooses one of the offered accounts, once. */
  async choose(token: string | undefined, userId: string): Promise<ChosenAccount> {
    const choice = await this.pending(token);
    if (!choice.userIds.includes(userId)) throw new PartiesException(Code.AccountNotOffered);
    const now = new Date();
    const claimed = await this.choices.update(
      { id: choice.id, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    if (!claimed.affected) {
      const expired = new Date(choice.expiresAt) <= now;
      throw new PartiesException(expired ? Code.AccountChoiceExpired : Code.AccountChoiceUsed);
    }
    const user = await this.users.findOneBy({ id: userId });
    if (!user?.active) throw new PartiesException(Code.UserDeactivated);
    return {
      user,
      signIn: {
        method: choice.method as AuthMethod.Oidc | AuthMethod.EmailLink,
        acr: choice.acr,
        amr: choice.amr ?? [],
        authenticatedAt: new Date(choice.authenticatedAt),
      },
      returnTo: choice.returnTo,
    };
  }

  /** The choice of a token, while it can still be made. */
  private async pending(token: string | undefined): Promise<SignInChoice> {
    const id = token ? this.mac.idOf(token) : null;
    const choice = id ? await this.choices.findOneBy({ id }) : null;
    if (!choice) throw new PartiesException(Code.AccountChoiceMissing);
    if (choice.usedAt) throw new PartiesException(Code.AccountChoiceUsed);
    if (new Date(choice.expiresAt) <= new Date())
      throw new PartiesException(Code.AccountChoiceExpired);
    return choice;
  }
}
