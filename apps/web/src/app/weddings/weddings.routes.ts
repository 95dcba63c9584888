import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { WEDDING_OFFICIANT_ROLES, WEDDING_STAFF_ROLES } from './wedding-roles';

/**
 * `/vigsel`: the couple's booking of a civil wedding, open to everyone without signing in; the
 * receipt right after; the booking behind the private link (`/vigsel/:reference?token=…`).
 * The texts are in their own scope (public/i18n/weddings/), loaded with the language.
 */
export const WEDDING_BOOKING_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('weddings')],
    children: [
      {
        path: '',
        title: 'weddings.titles.booking',
        loadComponent: () => import('./booking-page').then((m) => m.BookingPage),
      },
      {
        path: 'bekreftelse',
        title: 'weddings.titles.receipt',
        loadComponent: () => import('./receipt-page').then((m) => m.ReceiptPage),
      },
      {
        path: ':reference',
        title: 'weddings.titles.manage',
        loadComponent: () => import('./manage-page').then((m) => m.ManagePage),
      },
    ],
  },
];

/**
 * `/vigsler`: the service centre's list of ceremonies (wedding staff and admin); `/vigsler/statistikk`: the yearly statistics;
 * `/vigsler/mine`: the officiant's own ceremonies (wedding_officiant).
 */
export const WEDDING_STAFF_ROUTES: Routes = [
  {
    // `/vigsler/oppsett/…`: places, officiants, times, blocked days and settings, a page each.
    path: 'oppsett',
    providers: [provideTranslocoScope('weddings')],
    canActivate: [requireRoles(WEDDING_STAFF_ROLES)],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'steder' },
      {
        path: 'steder',
        title: 'weddings.setup.places.title',
        loadComponent: () => import('./setup-places').then((m) => m.SetupPlaces),
      },
      {
        path: 'vigslere',
        title: 'weddings.setup.officiants.title',
        loadComponent: () => import('./setup-officiants').then((m) => m.SetupOfficiants),
      },
      {
        path: 'tider',
        title: 'weddings.setup.availability.title',
        loadComponent: () => import('./setup-availability').then((m) => m.SetupAvailability),
      },
      {
        path: 'sperrede-dager',
        title: 'weddings.setup.blocked.title',
        loadComponent: () => import('./setup-blocked').then((m) => m.SetupBlocked),
      },
      {
        path: 'innstillinger',
        title: 'weddings.setup.settings.title',
        loadComponent: () => import('./setup-settings').then((m) => m.SetupSettings),
      },
    ],
  },
  {
    path: 'statistikk',
    providers: [provideTranslocoScope('weddings')],
    title: 'weddings.titles.statistics',
    canActivate: [requireRoles(WEDDING_STAFF_ROLES)],
    loadComponent: () => import('./statistics-page').then((m) => m.StatisticsPage),
  },
  {
    path: 'mine',
    providers: [provideTranslocoScope('weddings')],
    title: 'weddings.titles.mine',
    canActivate: [requireRoles(WEDDING_OFFICIANT_ROLES)],
    loadComponent: () => import('./officiant-page').then((m) => m.OfficiantPage),
  },
  {
    path: '',
    providers: [provideTranslocoScope('weddings')],
    title: 'weddings.titles.staff',
    canActivate: [requireRoles(WEDDING_STAFF_ROLES)],
    loadComponent: () => import('./staff-page').then((m) => m.StaffPage),
  },
];
