import { Injectable, inject } from '@angular/core';
import type {
  BodyDetail,
  BodyInput,
  BodyListResponse,
  BodyOverview,
  EndMembershipInput,
  HistoryResponse,
  LeaveInput,
  MembershipInput,
  SubstituteProposal,
} from '@sekretariat/contracts';
import { type Observable, map, of, switchMap, throwError } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import { ApiError } from '../core/api/api-error';
import { type ApiAudience, SessionStore } from '../core/session/session-store';

export interface BodyDetailView {
  readonly body: BodyDetail;
  /** The member list as PDF, from the same audience's endpoint. */
  readonly membersPdfUrl: string;
  /** The member list as CSV (with e-mail for staff), from the same audience's endpoint. */
  readonly membersCsvUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** As the API answers for an id it cannot know, without the round trip. */
export function notFound(id: string): Observable<never> {
  return throwError(() => new ApiError(404, 'NOT_FOUND', `No item with id ${id}.`));
}

/**
 * Political bodies from the API: the staff endpoints for a signed-in user,
 * the public ones (by municipality slug) for visitors. Changes (editors) go to the staff endpoints.
 */
@Injectable({ providedIn: 'root' })
export class BodiesApi {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionStore);

  list(audience: ApiAudience): Observable<BodyListResponse> {
    return this.base(audience).pipe(
      switchMap((base) => this.api.get<BodyListResponse>(...base, 'bodies')),
    );
  }

  detail(audience: ApiAudience, id: string): Observable<BodyDetailView> {
    if (!isUuid(id)) return notFound(id);
    return this.base(audience).pipe(
      switchMap((base) =>
        this.api.get<BodyDetail>(...base, 'bodies', id).pipe(
          map((body) => ({
            body,
            membersPdfUrl: apiUrl(...base, 'bodies', id, 'members.pdf'),
            membersCsvUrl: apiUrl(...base, 'bodies', id, 'members.csv'),
          })),
        ),
      ),
    );
  }

  /** Staff: gender balance, who has moved up, warnings, and the settings the public detail leaves out. */
  overview(id: string): Observable<BodyOverview> {
    return isUuid(id) ? this.api.get<BodyOverview>('bodies', id, 'overview') : notFound(id);
  }

  /** Staff: every membership, ended ones too, with leave and release. */
  history(id: string): Observable<HistoryResponse> {
    return isUuid(id) ? this.api.get<HistoryResponse>('bodies', id, 'history') : notFound(id);
  }

  create(input: BodyInput): Observable<BodyDetail> {
    return this.api.post<BodyDetail>(['bodies'], input);
  }

  update(id: string, input: BodyInput): Observable<BodyDetail> {
    return this.api.put<BodyDetail>(['bodies', id], input);
  }

  addMembership(bodyId: string, input: MembershipInput): Observable<{ membershipId: string }> {
    return this.api.post<{ membershipId: string }>(['bodies', bodyId, 'memberships'], input);
  }

  /** Ends a membership; `prompt` says who moves up and that a new substitute must be elected. */
  endMembership(
    membershipId: string,
    input: EndMembershipInput,
  ): Observable<{ prompt: string | null }> {
    return this.api.post<{ prompt: string | null }>(['memberships', membershipId, 'end'], input);
  }

  addLeave(membershipId: string, input: LeaveInput): Observable<{ leaveId: string }> {
    return this.api.post<{ leaveId: string }>(['memberships', membershipId, 'leaves'], input);
  }

  substituteProposal(
    bodyId: string,
    query: { personId: string; date: string; unavailable: readonly string[] },
  ): Observable<SubstituteProposal> {
    return this.api.query<SubstituteProposal>(['bodies', bodyId, 'substitute-proposal'], {
      personId: query.personId,
      date: query.date,
      unavailable: query.unavailable.join(','),
    });
  }

  /** Path segments before `bodies` for the audience. */
  private base(audience: ApiAudience): Observable<readonly string[]> {
    if (audience === 'staff') {
      return of([]);
    }
    return this.session
      .requireMunicipality()
      .pipe(map((municipality) => ['public', municipality.slug]));
  }
}
