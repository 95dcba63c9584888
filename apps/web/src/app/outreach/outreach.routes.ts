import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { OUTREACH_READ_ROLES, OUTREACH_STAFF_ROLES } from './outreach-roles';

/**
 * `/utekontakt`: outreach voting for election staff (applications, institutions and sessions,
 * planning of routes); the board may read. `/utekontakt/rute/:id`: the officials' phone view.
 */
export const OUTREACH_STAFF_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('outreach')],
    children: [
      {
        path: '',
        title: 'outreach.titles.staff',
        canActivate: [requireRoles(OUTREACH_READ_ROLES)],
        loadComponent: () => import('./outreach-page').then((m) => m.OutreachPage),
      },
      {
        path: 'rute/:id',
        title: 'outreach.titles.route',
        canActivate: [requireRoles(OUTREACH_STAFF_ROLES)],
        loadComponent: () => import('./route-page').then((m) => m.RoutePage),
      },
    ],
  },
];

/** `/stemme-hjemme`: the public form for applying to vote at home, without signing in. */
export const OUTREACH_PUBLIC_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('outreach')],
    children: [
      {
        path: '',
        title: 'outreach.titles.public',
        loadComponent: () => import('./public-application-page').then((m) => m.PublicApplicationPage),
      },
    ],
  },
];
