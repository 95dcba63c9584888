import type { Caller, Role } from '@sekretariat/contracts';
import { DEFAULT_AFTER_LOGIN } from '../../auth/safe-return-url';

/**
 * Where a role lands after signing in, when no page asked for the sign-in (`?returnUrl=`).
 * Add a role's own start page here; roles without an entry land on DEFAULT_AFTER_LOGIN.
 * The order of the entries is the priority for a user with several roles.
 */
export const LANDING_BY_ROLE: Readonly<Partial<Record<Role, string>>> = {
  // The clerks at an advance-voting desk start at the counter.
  election_staff: '/valg/skranke',
  // An elected official starts at their next meetings with what is still unread (Mine møter).
  official: '/lesesal',
};

/**
 * The landing page for a user's roles. An admin always gets the default (they may do
 * everything, and the counter is not their work); otherwise the first role in
 * LANDING_BY_ROLE that the user holds decides.
 */
export function landingFor(roles: readonly Caller[]): string {
  if (roles.includes('admin')) return DEFAULT_AFTER_LOGIN;
  for (const [role, path] of Object.entries(LANDING_BY_ROLE) as [Role, string][]) {
    if (roles.includes(role)) return path;
  }
  return DEFAULT_AFTER_LOGIN;
}
