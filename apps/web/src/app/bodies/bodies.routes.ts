import type { Routes } from '@angular/router';
import { requireRoles } from '../core/routing/require-roles';
import { EDITOR_ROLES } from '../core/session/roles';

export const BODIES_ROUTES: Routes = [
  {
    path: '',
    title: 'titles.bodies',
    loadComponent: () => import('./body-list-page').then((m) => m.BodyListPage),
  },
  {
    path: 'ny',
    title: 'titles.newBody',
    canActivate: [requireRoles(EDITOR_ROLES)],
    loadComponent: () => import('./body-form-page').then((m) => m.BodyFormPage),
  },
  {
    path: 'import',
    title: 'titles.import',
    canActivate: [requireRoles(EDITOR_ROLES)],
    loadComponent: () => import('./import/import-page').then((m) => m.ImportPage),
  },
  {
    path: ':id/rediger',
    title: 'titles.editBody',
    canActivate: [requireRoles(EDITOR_ROLES)],
    loadComponent: () => import('./body-form-page').then((m) => m.BodyFormPage),
  },
  {
    path: ':id',
    title: 'titles.body',
    loadComponent: () => import('./body-detail-page').then((m) => m.BodyDetailPage),
  },
];
