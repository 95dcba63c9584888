import type { Caller, Role } from '@sekretariat/contracts';

/** Who may read the register: every signed-in role (the API's STAFF). */
export const STAFF_ROLES: readonly Role[] = [
  'admin',
  'secretariat',
  'official',
  'election_staff',
  'election_board',
];

/** Who may change the register (the API's EDITORS). */
export const EDITOR_ROLES: readonly Role[] = ['admin', 'secretariat'];

export function hasAnyRole(callers: readonly Caller[], roles: readonly Caller[]): boolean {
  return roles.some((role) => callers.includes(role));
}
