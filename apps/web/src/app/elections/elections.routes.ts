import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { CLERK_ROLES, ORGANISER_ROLES } from './election-roles';

/** `/valg`: elections for the organisers, and the counter (`/valg/skranke`) for the clerks. */
export const ELECTIONS_ROUTES: Routes = [
  {
    path: '',
    // The texts are in their own scope (public/i18n/elections/), loaded with the language.
    providers: [provideTranslocoScope('elections')],
    children: [
      {
        path: '',
        title: 'elections.titles.list',
        canActivate: [requireRoles(ORGANISER_ROLES)],
        loadComponent: () => import('./admin/election-list-page').then((m) => m.ElectionListPage),
      },
      {
        path: 'skranke',
        title: 'elections.titles.counter',
        canActivate: [requireRoles(CLERK_ROLES)],
        loadComponent: () => import('./counter/counter-page').then((m) => m.CounterPage),
      },
      {
        path: ':id',
        title: 'elections.titles.detail',
        canActivate: [requireRoles(ORGANISER_ROLES)],
        loadComponent: () =>
          import('./admin/election-detail-page').then((m) => m.ElectionDetailPage),
      },
    ],
  },
];
