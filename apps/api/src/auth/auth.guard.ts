import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyRequest } from 'fastify';
import type { Caller, Role } from '@sekretariat/contracts';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-error.js';
import { ALLOW_KEY } from '../common/access/allow.decorator.js';
import { hasAnyRole, type RequestCaller, VISITOR } from '../common/access/caller.js';
import { hashSessionToken, SESSION_COOKIE } from './session-token.js';

interface SessionRow {
  session_id: string;
  user_id: string;
  municipality_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  person_id: string | null;
}

/**
 * Global guard: works out who is calling (session cookie; an OIDC bearer could be added here)
 * and admits the call only if the route opted in to one of the caller's roles with @Allow.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(MikroORM) private readonly orm: MikroORM,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.caller = await this.identify(request);

    const allowed = this.reflector.getAllAndOverride<Caller[] | undefined>(ALLOW_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) {
      this.logger.warn(`Route ${request.method} ${request.routeOptions.url} declares no roles; denied`);
      throw new ForbiddenError();
    }
    if (hasAnyRole(request.caller, allowed)) return true;
    throw request.caller.user ? new ForbiddenError() : new UnauthenticatedError();
  }

  private async identify(request: FastifyRequest): Promise<RequestCaller> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token || token.length > 100) return VISITOR;
    const rows = await this.orm.em
      .getConnection()
      .execute<SessionRow[]>('select * from auth_session_user(?)', [hashSessionToken(token)]);
    const row = rows[0];
    if (!row) return VISITOR;
    return {
      user: {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        roles: row.roles,
        municipalityId: row.municipality_id,
        sessionId: row.session_id,
        personId: row.person_id,
      },
      roles: row.roles,
    };
  }
}
