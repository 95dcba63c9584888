import type { Routes } from '@angular/router';
import { requireRoles } from '../core/routing/require-roles';
import { EDITOR_ROLES } from '../core/session/roles';

export const GRANTS_ROUTES: Routes = [
  {
    path: '',
    title: 'titles.grants',
    canActivate: [requireRoles(EDITOR_ROLES)],
    loadComponent: () => import('./grants-page').then((m) => m.GrantsPage),
  },
];
