import { Injectable, inject } from '@angular/core';
import type { BodyDetail, BodyListResponse } from '@sekretariat/contracts';
import { type Observable, map, of, switchMap, throwError } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import { ApiError } from '../core/api/api-error';
import { type ApiAudience, SessionStore } from '../core/session/session-store';

export interface BodyDetailView {
  readonly body: BodyDetail;
  /** The member list as PDF, from the same audience's endpoint. */
  readonly membersPdfUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Political bodies from the API: the staff endpoints for a signed-in user,
 * the public ones (by municipality slug) for visitors.
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
    if (!UUID.test(id)) {
      // Not an id the API could know: answer as it would, without the round trip.
      return throwError(() => new ApiError(404, 'NOT_FOUND', `No body with id ${id}.`));
    }
    return this.base(audience).pipe(
      switchMap((base) =>
        this.api
          .get<BodyDetail>(...base, 'bodies', id)
          .pipe(
            map((body) => ({ body, membersPdfUrl: apiUrl(...base, 'bodies', id, 'members.pdf') })),
          ),
      ),
    );
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
