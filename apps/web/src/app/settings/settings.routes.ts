import type { Routes } from '@angular/router';
import { requireRoles } from '../core/routing/require-roles';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    title: 'settings.title',
    canActivate: [requireRoles(['admin'])],
    loadComponent: () => import('./settings-page').then((m) => m.SettingsPage),
  },
];
