import { inject } from '@angular/core';
import type { CanActivateFn, Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { STAFF_ROLES } from '../core/session/roles';
import { ReaderSync } from './offline/reader-sync';

/**
 * Officials and staff (the API checks which meetings each may read). Offline, before the session
 * can be confirmed, the official last signed in on this device may read what is cached here.
 */
const readerAccess: CanActivateFn = (route, state) => {
  const sync = inject(ReaderSync);
  if (!sync.isOnline() && sync.user()) return true;
  return requireRoles(STAFF_ROLES)(route, state);
};

/** `/lesesal`: the elected officials' reader — my meetings, a meeting's papers, an item with its documents and notes. */
export const READER_ROUTES: Routes = [
  {
    path: '',
    // The texts are in their own scope (public/i18n/reader/), loaded with the language.
    providers: [provideTranslocoScope('reader')],
    canActivate: [readerAccess],
    children: [
      {
        path: '',
        title: 'reader.titles.meetings',
        loadComponent: () => import('./my-meetings-page').then((m) => m.MyMeetingsPage),
      },
      {
        path: ':meetingId',
        title: 'reader.titles.meeting',
        loadComponent: () => import('./reader-meeting-page').then((m) => m.ReaderMeetingPage),
      },
      {
        path: ':meetingId/sak/:itemId',
        title: 'reader.titles.item',
        loadComponent: () => import('./reader-item-page').then((m) => m.ReaderItemPage),
      },
    ],
  },
];
