import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { STAFF_ROLES } from '../core/session/roles';

/** `/sok`: full-text search over cases and documents for staff. */
export const SEARCH_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('documents')],
    title: 'documents.titles.search',
    canActivate: [requireRoles(STAFF_ROLES)],
    loadComponent: () => import('./search-page').then((m) => m.SearchPage),
  },
];
