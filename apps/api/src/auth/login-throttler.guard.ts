import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { clientOf } from '../municipalities/tenant.interceptor.js';
import { AuthService } from './auth.service.js';

/**
 * The sign-in limit, which also puts refused attempts in the audit log (`auth.login_failed`,
 * reason `rate_limited`): the first refusal of each window per client, not every one, so that a
 * flood of attempts cannot fill the append-only log. The refusal stands if the entry cannot be written.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  private readonly audit = new Logger(LoginThrottlerGuard.name);

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly auth: AuthService,
  ) {
    super(options, storage, reflector);
  }

  /**
   * Attempts are counted per client address and user name: guessing one account's password is
   * limited, while a town hall's staff behind one address can all sign in at nine in the morning.
   */
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const address = await super.getTracker(request);
    const body = request['body'] as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
    return `${address}|${username}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The hit that first went over the limit, or the first of a new window while still blocked.
    if (detail.totalHits === detail.limit + 1 || detail.totalHits === 1) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const body = request.body as { username?: unknown } | undefined;
      const username = typeof body?.username === 'string' ? body.username : '';
      try {
        await this.auth.recordRateLimited(username, { requestId: String(request.id), client: clientOf(request), host: request.hostname });
      } catch (error) {
        this.audit.error(`Could not audit a refused sign-in: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return super.throwThrottlingException(context, detail);
  }
}
