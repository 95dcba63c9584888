import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginRequest, MeResponse } from '@sekretariat/contracts';
import { CONFIG, type Config } from '../config/config.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { Allow } from '../common/access/allow.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { clientOf } from '../municipalities/tenant.interceptor.js';
import { LoginThrottlerGuard } from './login-throttler.guard.js';
import { SESSION_COOKIE } from './session-token.js';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Allow('public')
  @UseGuards(LoginThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: 'Sign in with user name and password; sets the session cookie', body: LoginRequest, response: MeResponse })
  async login(
    @Body(zod(LoginRequest)) body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, user } = await this.auth.login(body.username, body.password, { requestId: String(request.id), client: clientOf(request), host: request.hostname });
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      maxAge: this.config.SESSION_TTL_HOURS * 3600,
    });
    return { user };
  }

  @Post('logout')
  @HttpCode(204)
  @Allow('public')
  @ApiRoute({ summary: 'Sign out: ends the session and clears the cookie', status: 204 })
  async logout(@CurrentCaller() caller: RequestCaller, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (caller.user) await this.auth.logout(caller.user, { requestId: String(request.id), client: clientOf(request) });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Allow('public')
  @ApiRoute({ summary: 'The signed-in user, or null', response: MeResponse })
  async me(@CurrentCaller() caller: RequestCaller): Promise<MeResponse> {
    return { user: caller.user ? await this.auth.toSessionUser(caller.user) : null };
  }
}
