import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * `/motekalender`: the public meeting calendar (politisk møtekalender), open to everyone without
 * login. The texts are in their own scope (public/i18n/public/), loaded with the language.
 */
export const PUBLIC_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('public')],
    children: [
      {
        path: '',
        title: 'public.titles.calendar',
        loadComponent: () => import('./calendar-page').then((m) => m.CalendarPage),
      },
      {
        path: 'sok',
        title: 'public.titles.search',
        loadComponent: () => import('./search-page').then((m) => m.SearchPage),
      },
      {
        path: 'saker/:caseId',
        title: 'public.titles.case',
        loadComponent: () => import('./case-page').then((m) => m.CasePage),
      },
      {
        path: ':meetingId',
        title: 'public.titles.meeting',
        loadComponent: () => import('./meeting-page').then((m) => m.MeetingPage),
      },
      {
        path: ':meetingId/sak/:itemId',
        title: 'public.titles.item',
        loadComponent: () => import('./item-page').then((m) => m.ItemPage),
      },
    ],
  },
];
