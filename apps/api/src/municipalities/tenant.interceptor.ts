import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { VISITOR } from '../common/access/caller.js';
import { MunicipalitiesService } from './municipalities.service.js';
import { runInTenant, type Client } from '../core/tenant.js';

/** The request's client address and user agent, as the audit log keeps them. */
export function clientOf(request: FastifyRequest): Client {
  const agent = request.headers['user-agent'];
  return { address: request.ip || null, userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null };
}

/**
 * Wraps each request in one transaction scoped to a municipality: the one named in the path
 * (`/api/public/:municipality/…`), else the signed-in user's. Requests with neither (health,
 * sign-in) get no transaction and no access to tenant data.
 */
@Injectable()
export class TenantInterceptor implements NestInterceptor {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { municipality?: string } }>>();
    const caller = request.caller ?? VISITOR;
    return from(
      (async () => {
        const slug = request.params?.municipality;
        const municipalityId = slug ? (await this.municipalities.bySlug(slug)).id : caller.user?.municipalityId;
        if (!municipalityId) return lastValueFrom<unknown, undefined>(next.handle(), { defaultValue: undefined });
        const actor = { userId: caller.user?.id ?? null, name: caller.user?.username ?? 'public', roles: caller.roles };
        return runInTenant(this.orm, { municipalityId, actor, requestId: String(request.id), client: clientOf(request) }, () =>
          lastValueFrom<unknown, undefined>(next.handle(), { defaultValue: undefined }),
        );
      })(),
    );
  }
}
