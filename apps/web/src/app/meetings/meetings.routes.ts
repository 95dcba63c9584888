import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { requireRoles } from '../core/routing/require-roles';
import { EDITOR_ROLES, STAFF_ROLES } from '../core/session/roles';

/** `/moter`: the annual plan for all staff; new meetings and the meeting page's tools for the secretariat. */
export const MEETINGS_ROUTES: Routes = [
  {
    path: '',
    // The texts are in their own scope (public/i18n/meetings/), loaded with the language.
    providers: [provideTranslocoScope('meetings')],
    children: [
      {
        path: '',
        title: 'meetings.titles.plan',
        canActivate: [requireRoles(STAFF_ROLES)],
        loadComponent: () => import('./meeting-plan-page').then((m) => m.MeetingPlanPage),
      },
      {
        path: 'nytt',
        title: 'meetings.titles.newMeeting',
        canActivate: [requireRoles(EDITOR_ROLES)],
        loadComponent: () => import('./meeting-form-page').then((m) => m.MeetingFormPage),
      },
      {
        path: ':id/rediger',
        title: 'meetings.titles.editMeeting',
        canActivate: [requireRoles(EDITOR_ROLES)],
        loadComponent: () => import('./meeting-form-page').then((m) => m.MeetingFormPage),
      },
      {
        path: ':id',
        title: 'meetings.titles.meeting',
        canActivate: [requireRoles(STAFF_ROLES)],
        loadComponent: () => import('./meeting-page').then((m) => m.MeetingPage),
      },
    ],
  },
];

/** `/saker`: cases with their case presentation, for the secretariat. */
export const CASES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('meetings')],
    canActivate: [requireRoles(EDITOR_ROLES)],
    children: [
      {
        path: '',
        title: 'meetings.titles.cases',
        loadComponent: () => import('./case-list-page').then((m) => m.CaseListPage),
      },
      {
        path: 'ny',
        title: 'meetings.titles.newCase',
        loadComponent: () => import('./case-form-page').then((m) => m.CaseFormPage),
      },
      {
        path: ':id',
        title: 'meetings.titles.case',
        loadComponent: () => import('./case-form-page').then((m) => m.CaseFormPage),
      },
    ],
  },
];
