import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { AppConfig } from '@app/core';
import { AuthMethod, CredentialKind } from '../credential';
import { Session } from '../entities/session.entity';
import { User } from '../entities/user.entity';
import { isUuid } from '../is-uuid';
import { PartiesErrorCode, PartiesException } from '../parties.exception';
import { Principal } from '../parties.types';
import { principalKey, PrincipalCacheService } from '../principal-cache/principal-cache.service';
import { TokensService } from '../tokens.service';

/** lastSeenAt is precise to the minute: at most one write per session and minute. */
const LAST_SEEN_RESOLUTION_MS = 60_000;
const MINUTE_MS = 60_000;
/** 32 random bytes in base64url are 43 characters; anything much longer is not a session of ours. */
const MAX_TOKEN_LENGTH = 128;

/** How a person just proved who they are. */
export interface SignIn {
  method: AuthMethod.Oidc | AuthMethod.EmailLink;
  acr?: string | null;
  amr?: readonly string[];
  /** When they authenticated (the identity provider's `auth_time`); default: now. */
  authenticatedAt?: Date;
  userAgent?: string;
  ip?: string;
}

/** A new session: its cookie value, shown once, and when it ends at the latest. */
export interface StartedSession {
  session: Session;
  token: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Server-side sessions of signed-in people, shared by every API process through the database. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly tokens: TokensService,
    private readonly config: AppConfig,
    private readonly cache: PrincipalCacheService,
  ) {}

  /** Starts a session for a person who has just signed in. */
  async start(user: Pick<User, 'id'>, signIn: SignIn): Promise<StartedSession> {
    const now = new Date();
    const token = randomBytes(32).toString('base64url');
    const session = Object.assign(new Session(), {
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256(token),
      method: signIn.method,
      acr: signIn.acr ?? null,
      amr: signIn.amr ? [...signIn.amr] : null,
      authenticatedAt: signIn.authenticatedAt ?? now,
      userAgent: signIn.userAgent?.slice(0, 512) ?? null,
      ip: signIn.ip?.slice(0, 64) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.env.SESSION_MAX_HOURS * 60 * MINUTE_MS),
      endedAt: null,
    });
    await this.sessions.insert(session);
    return { session, token };
  }

  /**
   * The principal of a session cookie, or null once it has ended, idled out or expired. Kept for
   * `AUTH_CACHE_TTL_MS`, never past the moment the session would end or idle out; lastSeenAt is
   * then written when the session is read again.
   */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const tokenHash = sha256(token);
    return this.cache.principal(principalKey.session(tokenHash), () => this.load(tokenHash));
  }

  private async load(tokenHash: string): Promise<{ principal: Principal; endsAt: Date } | null> {
    const session = await this.live(tokenHash);
    const user = session ? await this.tokens.activeUser(session.userId) : null;
    if (!session || !user) return null;
    await this.touch(session);
    const principal = await this.tokens.principalOf(user);
    const idleAt = session.lastSeenAt.getTime() + this.config.env.SESSION_IDLE_MINUTES * MINUTE_MS;
    const endsAt = new Date(Math.min(session.expiresAt.getTime(), idleAt));
    const credential = {
      kind: CredentialKind.Session,
      id: session.id,
      issuer: session.userId,
      personal: true,
      method: session.method as AuthMethod,
      acr: session.acr,
      amr: session.amr ?? [],
      authTime: session.authenticatedAt.toISOString(),
    };
    return { principal: { ...principal, credential }, endsAt };
  }

  /**
   * The CSRF token of a session: a MAC of its cookie, so it is never stored and changes with every
   * session. A state-changing call under the cookie must send it as `X-CSRF-Token`.
   */
  csrfTokenOf(token: string): string {
    return createHmac('sha256', token).update('raci-csrf').digest('base64url');
  }

  /** The caller's sessions that still work, newest first. */
  async list(principal: Principal): Promise<Session[]> {
    if (!principal.userId) return [];
    const sessions = await this.sessions.find({
      where: { userId: principal.userId, endedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    return sessions.filter((session) => !this.idle(session, new Date()));
  }

  /** Ends one of the caller's own sessions; anyone else's is not found. */
  async end(principal: Principal, id: string): Promise<void> {
    const session = isUuid(id) ? await this.sessions.findOneBy({ id }) : null;
    if (!session || session.userId !== principal.userId) {
      throw new PartiesException(PartiesErrorCode.SessionNotFound, { id });
    }
    if (!session.endedAt) await this.sessions.update({ id }, { endedAt: new Date() });
    await this.cache.invalidate({ credential: principalKey.session(session.tokenHash) });
  }

  /** Sign-out: ends the session of this cookie, if it still works; returns it. */
  async endByToken(token: string): Promise<Session | null> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const tokenHash = sha256(token);
    const session = await this.live(tokenHash);
    if (session) await this.sessions.update({ id: session.id }, { endedAt: new Date() });
    await this.cache.invalidate({ credential: principalKey.session(tokenHash) });
    return session;
  }

  /** Ends every session of a user, in the caller's transaction (a deactivation). */
  async endAllOf(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.update(Session, { userId, endedAt: IsNull() }, { endedAt: at });
  }

  private async live(tokenHash: string): Promise<Session | null> {
    const session = await this.sessions.findOneBy({ tokenHash });
    const now = new Date();
    if (!session || session.endedAt || session.expiresAt <= now || this.idle(session, now)) {
      return null;
    }
    return session;
  }

  private idle(session: Session, now: Date): boolean {
    const idleMs = this.config.env.SESSION_IDLE_MINUTES * MINUTE_MS;
    return now.getTime() - session.lastSeenAt.getTime() > idleMs;
  }

  private async touch(session: Session): Promise<void> {
    const now = new Date();
    if (now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_RESOLUTION_MS) return;
    await this.sessions.update({ id: session.id }, { lastSeenAt: now });
    session.lastSeenAt = now;
  }
}
