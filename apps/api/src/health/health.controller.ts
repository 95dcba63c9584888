import { Controller, Get, Inject, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyReply } from 'fastify';
import { HealthResponse, ReadyResponse } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { pendingMigrations } from '../database/migrate.js';

@Controller()
@Allow('public')
export class HealthController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get('health')
  @ApiRoute({ summary: 'Liveness: the process answers', response: HealthResponse })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiRoute({ summary: 'Readiness: database reachable and migrations current (503 otherwise)', response: ReadyResponse })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponse> {
    let database = false;
    let pending = -1;
    try {
      await this.orm.em.getConnection().execute('select 1');
      database = true;
      pending = await pendingMigrations(this.orm);
    } catch {
      // reported below
    }
    const ok = database && pending === 0;
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', database, migrationsPending: Math.max(pending, 0) };
  }
}
