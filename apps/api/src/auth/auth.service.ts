import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { SessionUser } from '@sekretariat/contracts';
import { CONFIG, type Config } from '../config/config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { maskPersonalNumbers } from '../common/logging/mask.js';
import { runInTenant, runWithoutTenant, type Client } from '../core/tenant.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import type { AuthenticatedUser } from '../common/access/caller.js';
import { PasswordService } from './password.service.js';
import { Session } from './session.entity.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { User } from './user.entity.js';

/** The request a sign-in comes with: for the audit log, and the host for an unknown user's municipality. */
export interface SignInRequest {
  requestId: string;
  client: Client;
  host: string | undefined;
}

/** Why a sign-in failed, as the audit log says it (the answer to the client is the same for all). */
export type SignInFailure = 'unknown_user' | 'wrong_password' | 'inactive' | 'rate_limited';

interface FoundUser {
  id: string;
  municipality_id: string;
  password_hash: string | null;
  active: boolean;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(CONFIG) private readonly config: Config,
    private readonly passwords: PasswordService,
    private readonly municipalities: MunicipalitiesService,
    private readonly audit: AuditService,
  ) {}

  /** Checks the password and opens a session; returns the cookie token and the user. */
  async login(username: string, password: string, request: SignInRequest): Promise<{ token: string; user: SessionUser }> {
    const found = await this.findUser(username);
    const ok = await this.passwords.verify(found?.password_hash ?? null, password);
    if (!found || !ok || !found.active) {
      await this.recordFailure(username, !found ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive', found, request);
      throw new DomainError('AUTH_INVALID_CREDENTIALS', 'Feil brukernavn eller passord.', 401);
    }
    const token = newSessionToken();
    // User names are stored in lower case; the audit log names the account as stored.
    const scope = { municipalityId: found.municipality_id, actor: { userId: found.id, name: username.toLowerCase(), roles: [] }, requestId: request.requestId, client: request.client };
    const user = await runInTenant(this.orm, scope, async (em) => {
      const u = await em.findOneOrFail(User, found.id);
      em.create(Session, {
        municipality: found.municipality_id,
        user: u,
        tokenHash: hashSessionToken(token),
        expiresAt: new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3_600_000),
      });
      this.audit.record({ action: 'auth.login', entityType: 'user', entityId: u.id });
      return u;
    });
    return { token, user: await this.toSessionUser({ ...user, municipalityId: found.municipality_id, personId: user.person?.id ?? null }) };
  }

  private findUser(username: string): Promise<FoundUser | undefined> {
    return runWithoutTenant(this.orm, async (em) => {
      const rows = await em.execute<FoundUser[]>('select * from auth_find_user(?)', [username]);
      return rows[0];
    });
  }

  /** A sign-in refused by the rate limit (before its password is looked at). */
  async recordRateLimited(username: string, request: SignInRequest): Promise<void> {
    await this.recordFailure(username, 'rate_limited', username ? await this.findUser(username) : undefined, request);
  }

  /**
   * A failed sign-in, in the audit log of the account's municipality (or, for an unknown user
   * name, the one the host serves), in a transaction of its own so it stays though the request
   * fails. The attempted user name is kept with personal numbers masked; the password never.
   */
  private async recordFailure(username: string, reason: SignInFailure, found: FoundUser | undefined, request: SignInRequest): Promise<void> {
    const name = maskPersonalNumbers(username.trim().toLowerCase()).slice(0, 200);
    this.logger.warn(`Failed sign-in for "${name}" from ${request.client.address ?? 'unknown address'}: ${reason}`);
    const municipalityId = found?.municipality_id ?? (await this.municipalities.forHost(request.host)).id;
    const scope = { municipalityId, actor: { userId: null, name, roles: [] }, requestId: request.requestId, client: request.client };
    await runInTenant(this.orm, scope, async () => {
      this.audit.record({ action: 'auth.login_failed', entityType: 'user', entityId: found?.id ?? '(ukjent)', after: { username: name, reason } });
    });
  }

  async logout(user: AuthenticatedUser, request: Omit<SignInRequest, 'host'>): Promise<void> {
    const scope = { municipalityId: user.municipalityId, actor: { userId: user.id, name: user.username, roles: user.roles }, requestId: request.requestId, client: request.client };
    await runInTenant(this.orm, scope, async (em) => {
      await em.nativeDelete(Session, { id: user.sessionId });
      this.audit.record({ action: 'auth.logout', entityType: 'user', entityId: user.id });
    });
  }

  async toSessionUser(user: {
    id: string;
    username: string;
    displayName: string;
    roles: SessionUser['roles'];
    municipalityId: string;
    personId: string | null;
  }): Promise<SessionUser> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      personId: user.personId,
      municipality: await this.municipalities.byId(user.municipalityId),
    };
  }
}
