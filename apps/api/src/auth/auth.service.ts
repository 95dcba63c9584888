import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { SessionUser } from '@sekretariat/contracts';
import { CONFIG, type Config } from '../config/config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { runInTenant, runWithoutTenant } from '../database/tenant.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import type { AuthenticatedUser } from './caller.js';
import { PasswordService } from './password.service.js';
import { Session } from './session.entity.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { User } from './user.entity.js';

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
  async login(username: string, password: string, requestId: string): Promise<{ token: string; user: SessionUser }> {
    const found = await runWithoutTenant(this.orm, async (em) => {
      const rows = await em.execute<FoundUser[]>('select * from auth_find_user(?)', [username]);
      return rows[0];
    });
    const ok = await this.passwords.verify(found?.password_hash ?? null, password);
    if (!found || !ok || !found.active) {
      this.logger.log(`Failed sign-in for "${username}"`);
      throw new DomainError('AUTH_INVALID_CREDENTIALS', 'Feil brukernavn eller passord.', 401);
    }
    const token = newSessionToken();
    // User names are stored in lower case; the audit log names the account as stored.
    const scope = { municipalityId: found.municipality_id, actor: { userId: found.id, name: username.toLowerCase(), roles: [] }, requestId };
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

  async logout(user: AuthenticatedUser): Promise<void> {
    const scope = { municipalityId: user.municipalityId, actor: { userId: user.id, name: user.username, roles: user.roles } };
    await runInTenant(this.orm, scope, (em) => em.nativeDelete(Session, { id: user.sessionId }));
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
