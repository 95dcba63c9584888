import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller, Role } from '@sekretariat/contracts';

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  municipalityId: string;
  sessionId: string;
  /** The elected official (person in the register) this user is, if any. */
  personId: string | null;
}

/** Who is calling: a signed-in user, or a visitor (`user: null`, roles ['public']). */
export interface RequestCaller {
  user: AuthenticatedUser | null;
  roles: Caller[];
}

export const VISITOR: RequestCaller = { user: null, roles: ['public'] };

declare module 'fastify' {
  interface FastifyRequest {
    caller?: RequestCaller;
  }
}

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestCaller => {
  return ctx.switchToHttp().getRequest<{ caller?: RequestCaller }>().caller ?? VISITOR;
});

export function hasAnyRole(caller: RequestCaller, roles: readonly Caller[]): boolean {
  return roles.includes('public') || caller.roles.some((r) => roles.includes(r));
}
