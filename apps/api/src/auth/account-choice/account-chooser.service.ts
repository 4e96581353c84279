import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '@app/core';
import { ProvenSignIn, SignInChoices, User } from '@app/parties';
import { setChoiceCookie } from './account-choice-cookie';

/** Where the browser chooses among the accounts of a proven address. */
export const CHOOSER_PATH = '/auth/choose';

/**
 * Sends a person whose proven address has active accounts in several organizations to choose one:
 * the choice is recorded with those accounts only, and the browser gets its token in the
 * `raci_choice` cookie (HttpOnly, SameSite=Lax, `/auth/choose` only) and goes to the chooser page.
 */
@Injectable()
export class AccountChooser {
  constructor(
    private readonly choices: SignInChoices,
    private readonly config: AppConfig,
  ) {}

  async offer(
    res: Response,
    users: readonly User[],
    signIn: ProvenSignIn,
    returnTo: string | null,
  ): Promise<void> {
    const { token, expiresAt } = await this.choices.open(users, signIn, returnTo);
    setChoiceCookie(res, this.config, token, expiresAt);
    res.location(`${this.config.publicUrl}${CHOOSER_PATH}`).status(303).end();
  }
}
