import type { Routes } from '@angular/router';

export const BODIES_ROUTES: Routes = [
  {
    path: '',
    title: 'titles.bodies',
    loadComponent: () => import('./body-list-page').then((m) => m.BodyListPage),
  },
  {
    path: ':id',
    title: 'titles.body',
    loadComponent: () => import('./body-detail-page').then((m) => m.BodyDetailPage),
  },
];
