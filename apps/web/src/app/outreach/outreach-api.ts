import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Application,
  ApplicationInput,
  ApplicationStatus,
  Election,
  Institution,
  InstitutionInput,
  Official,
  OutreachSettings,
  PublicApplicationInput,
  RegisterVoteResponse,
  SessionVoteInput,
  PublicApplicationReceipt,
  PublicOutreachInfo,
  Route,
  RouteInput,
  RoutePlan,
  Session,
  SessionInput,
  VisitMarkInput,
  VisitMarkResult,
} from '@sekretariat/contracts';
import { type Observable, map, switchMap } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';

/** Outreach voting for staff (`/api/outreach/…`). */
@Injectable({ providedIn: 'root' })
export class OutreachApi {
  private readonly api = inject(ApiClient);

  elections(): Observable<Election[]> {
    return this.api.get<{ items: Election[] }>('elections').pipe(map((r) => r.items));
  }

  officials(): Observable<Official[]> {
    return this.api.get<{ items: Official[] }>('outreach', 'officials').pipe(map((r) => r.items));
  }

  settings(electionId: string): Observable<OutreachSettings> {
    return this.api.get<OutreachSettings>('outreach', 'elections', electionId, 'settings');
  }

  applications(electionId: string): Observable<Application[]> {
    return this.api
      .get<{ items: Application[] }>('outreach', 'elections', electionId, 'applications')
      .pipe(map((r) => r.items));
  }

  apply(electionId: string, input: ApplicationInput): Observable<Application> {
    return this.api.post<Application>(['outreach', 'elections', electionId, 'applications'], input);
  }

  setStatus(id: string, status: ApplicationStatus): Observable<Application> {
    return this.api.post<Application>(['outreach', 'applications', id, 'status'], { status });
  }

  institutions(): Observable<Institution[]> {
    return this.api.get<{ items: Institution[] }>('outreach', 'institutions').pipe(map((r) => r.items));
  }

  createInstitution(input: InstitutionInput): Observable<Institution> {
    return this.api.post<Institution>(['outreach', 'institutions'], input);
  }

  sessions(electionId: string): Observable<Session[]> {
    return this.api
      .get<{ items: Session[] }>('outreach', 'elections', electionId, 'sessions')
      .pipe(map((r) => r.items));
  }

  createSession(electionId: string, input: SessionInput): Observable<Session> {
    return this.api.post<Session>(['outreach', 'elections', electionId, 'sessions'], input);
  }

  sessionVote(sessionId: string, input: SessionVoteInput): Observable<RegisterVoteResponse> {
    return this.api.post<RegisterVoteResponse>(['outreach', 'sessions', sessionId, 'votes'], input);
  }

  plan(electionId: string, date: string): Observable<RoutePlan> {
    return this.api.query<RoutePlan>(['outreach', 'elections', electionId, 'plan'], { date });
  }

  routes(electionId: string): Observable<Route[]> {
    return this.api
      .get<{ items: Route[] }>('outreach', 'elections', electionId, 'routes')
      .pipe(map((r) => r.items));
  }

  createRoute(electionId: string, input: RouteInput): Observable<Route> {
    return this.api.post<Route>(['outreach', 'elections', electionId, 'routes'], input);
  }

  route(id: string): Observable<Route> {
    return this.api.get<Route>('outreach', 'routes', id);
  }

  reorder(id: string, stopIds: readonly string[]): Observable<Route> {
    return this.api.put<Route>(['outreach', 'routes', id, 'order'], { stopIds });
  }

  mark(routeId: string, input: VisitMarkInput): Observable<VisitMarkResult> {
    return this.api.post<VisitMarkResult>(['outreach', 'routes', routeId, 'marks'], input);
  }

  pdfUrl(routeId: string): string {
    return apiUrl('outreach', 'routes', routeId, 'pdf');
  }
}

/** The public form (`/api/public/<municipality>/outreach/…`). */
@Injectable({ providedIn: 'root' })
export class PublicOutreachApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);

  private slug(): Observable<string> {
    return this.session.requireMunicipality().pipe(map((m) => m.slug));
  }

  info(): Observable<PublicOutreachInfo> {
    return this.slug().pipe(switchMap((slug) => this.api.get<PublicOutreachInfo>('public', slug, 'outreach', 'info')));
  }

  apply(input: PublicApplicationInput): Observable<PublicApplicationReceipt> {
    return this.slug().pipe(
      // The API words its refusals (deadline, roll) in the language asked for: the page's, not the browser's.
      switchMap((slug) =>
        this.http.post<PublicApplicationReceipt>(apiUrl('public', slug, 'outreach', 'applications'), input, {
          headers: { 'Accept-Language': this.language.lang() },
        }),
      ),
    );
  }
}
