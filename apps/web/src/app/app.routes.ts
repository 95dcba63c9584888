import type { Routes } from '@angular/router';

/** Route titles are translation keys (see TranslatedTitleStrategy). Paths are Norwegian on purpose: they are the public addresses. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'titles.home',
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'organer',
    loadChildren: () => import('./bodies/bodies.routes').then((m) => m.BODIES_ROUTES),
  },
  {
    path: 'personer',
    loadChildren: () => import('./people/people.routes').then((m) => m.PEOPLE_ROUTES),
  },
  {
    path: 'gruppestotte',
    loadChildren: () => import('./grants/grants.routes').then((m) => m.GRANTS_ROUTES),
  },
  {
    path: 'valg',
    loadChildren: () => import('./elections/elections.routes').then((m) => m.ELECTIONS_ROUTES),
  },
  {
    path: 'moter/:id/oppmote',
    loadChildren: () => import('./attendance/attendance.routes').then((m) => m.ATTENDANCE_ROUTES),
  },
  {
    path: 'moter/:id/protokoll',
    loadChildren: () => import('./minutes/minutes.routes').then((m) => m.MINUTES_ROUTES),
  },
  {
    path: 'moter',
    loadChildren: () => import('./meetings/meetings.routes').then((m) => m.MEETINGS_ROUTES),
  },
  {
    path: 'saker',
    loadChildren: () => import('./meetings/meetings.routes').then((m) => m.CASES_ROUTES),
  },
  {
    path: 'lesesal',
    loadChildren: () => import('./reader/reader.routes').then((m) => m.READER_ROUTES),
  },
  {
    path: 'sok',
    loadChildren: () => import('./documents/documents.routes').then((m) => m.SEARCH_ROUTES),
  },
  {
    path: 'ingen-tilgang',
    title: 'titles.forbidden',
    loadComponent: () => import('./forbidden/forbidden-page').then((m) => m.ForbiddenPage),
  },
  {
    path: 'logg-inn',
    loadChildren: () => import('./auth/auth.routes').then((m) => m.AUTH_ROUTES),
  },
  {
    path: 'tilgjengelighet',
    title: 'titles.accessibility',
    loadComponent: () =>
      import('./accessibility/accessibility-page').then((m) => m.AccessibilityPage),
  },
  {
    path: 'motekalender',
    loadChildren: () => import('./public/public.routes').then((m) => m.PUBLIC_ROUTES),
  },
  {
    path: 'vigsel',
    loadChildren: () =>
      import('./weddings/weddings.routes').then((m) => m.WEDDING_BOOKING_ROUTES),
  },
  {
    path: 'vigsler',
    loadChildren: () => import('./weddings/weddings.routes').then((m) => m.WEDDING_STAFF_ROUTES),
  },
  {
    path: 'utekontakt',
    loadChildren: () => import('./outreach/outreach.routes').then((m) => m.OUTREACH_STAFF_ROUTES),
  },
  {
    path: 'stemme-hjemme',
    loadChildren: () => import('./outreach/outreach.routes').then((m) => m.OUTREACH_PUBLIC_ROUTES),
  },
  {
    path: 'innstillinger',
    loadChildren: () => import('./settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
  },
  {
    path: 'innkalling/:token',
    loadChildren: () => import('./attendance/attendance.routes').then((m) => m.SUMMONS_ROUTES),
  },
  {
    path: 'forfall/:token',
    loadChildren: () => import('./attendance/attendance.routes').then((m) => m.ABSENCE_LINK_ROUTES),
  },
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
