import type { Routes } from '@angular/router';
import { requireRoles } from '../core/routing/require-roles';
import { EDITOR_ROLES, STAFF_ROLES } from '../core/session/roles';

export const PEOPLE_ROUTES: Routes = [
  {
    path: '',
    title: 'titles.people',
    canActivate: [requireRoles(STAFF_ROLES)],
    loadComponent: () => import('./person-list-page').then((m) => m.PersonListPage),
  },
  {
    path: 'ny',
    title: 'titles.newPerson',
    canActivate: [requireRoles(EDITOR_ROLES)],
    loadComponent: () => import('./person-form-page').then((m) => m.PersonFormPage),
  },
  {
    path: ':id/rediger',
    title: 'titles.editPerson',
    canActivate: [requireRoles(EDITOR_ROLES)],
    loadComponent: () => import('./person-form-page').then((m) => m.PersonFormPage),
  },
  {
    path: ':id',
    title: 'titles.person',
    canActivate: [requireRoles(STAFF_ROLES)],
    loadComponent: () => import('./person-detail-page').then((m) => m.PersonDetailPage),
  },
];
