import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { STAFF_ROLES } from '../core/session/roles';

/** `/moter/:id/oppmote`: the seats of a meeting, for the secretariat (and others who may read it). */
export const ATTENDANCE_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('attendance')],
    title: 'attendance.titles.seats',
    canActivate: [requireRoles(STAFF_ROLES)],
    loadComponent: () => import('./meeting-seats-page').then((m) => m.MeetingSeatsPage),
  },
];

/** `/innkalling/:token`: a substitute answers a summons (no sign-in: the link is the key). */
export const SUMMONS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('attendance')],
    title: 'attendance.titles.summons',
    loadComponent: () => import('./summons-page').then((m) => m.SummonsPage),
  },
];

/** `/forfall/:token`: a member reports absence from the link in the notice (no sign-in). */
export const ABSENCE_LINK_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('attendance')],
    title: 'attendance.titles.absence',
    loadComponent: () => import('./absence-link-page').then((m) => m.AbsenceLinkPage),
  },
];
