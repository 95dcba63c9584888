import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@sekretariat/contracts';
import { filter, map, take } from 'rxjs';
import { SessionStore } from '../session/session-store';
import { hasAnyRole } from '../session/roles';

/**
 * Lets a page open only for callers with one of the roles. Waits until the session is
 * known (it loads without holding up the first render); a visitor is sent to sign in and
 * back, a signed-in user without the role to a page that says so. The API checks the
 * same roles: this only spares users a page they cannot use.
 */
export function requireRoles(roles: readonly Role[]): CanActivateFn {
  return (_route, state) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    return toObservable(session.ready).pipe(
      filter(Boolean),
      take(1),
      map(() => {
        if (!session.isSignedIn()) {
          return router.createUrlTree(['/logg-inn'], { queryParams: { returnUrl: state.url } });
        }
        return hasAnyRole(session.callers(), roles)
          ? true
          : router.createUrlTree(['/ingen-tilgang']);
      }),
    );
  };
}
