import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { BOARD_ROLES, CLERK_ROLES, ORGANISER_ROLES } from './election-roles';

/**
 * `/valg`: elections for the organisers, the counter (`/valg/skranke`) for the clerks, and the
 * board's prøving of the votes received in envelopes (`/valg/:id/proving`).
 */
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
        path: ':id/proving',
        title: 'elections.titles.review',
        canActivate: [requireRoles(BOARD_ROLES)],
        loadComponent: () => import('./review/review-page').then((m) => m.ReviewPage),
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
