import { Injectable, inject } from '@angular/core';
import type { GrantRates, GrantsResponse } from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, apiUrlWithQuery } from '../core/api/api-client';

/** Editors: party group grants and remuneration for a year, and the year's rates. */
@Injectable({ providedIn: 'root' })
export class GrantsApi {
  private readonly api = inject(ApiClient);

  forYear(year: number): Observable<GrantsResponse> {
    return this.api.query<GrantsResponse>(['grants'], { year });
  }

  saveRates(rates: GrantRates): Observable<GrantRates> {
    return this.api.put<GrantRates>(['grants', 'rates'], rates);
  }

  csvUrl(year: number): string {
    return apiUrlWithQuery(['grants.csv'], { year });
  }
}
