import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { EDITOR_ROLES } from '../core/session/roles';

/**
 * `/moter/:id/protokoll`: the minutes of a meeting, for the secretariat, and for the officials
 * chosen to sign (the API decides which officials may read them).
 */
export const MINUTES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('minutes')],
    title: 'minutes.titles.minutes',
    canActivate: [requireRoles([...EDITOR_ROLES, 'official'])],
    loadComponent: () => import('./minutes-page').then((m) => m.MinutesPage),
  },
];
