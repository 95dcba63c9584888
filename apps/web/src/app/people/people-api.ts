import { Injectable, inject } from '@angular/core';
import type { PartyRow, PersonDetail, PersonInput } from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { isUuid, notFound } from '../bodies/bodies-api';

export interface PersonSummary {
  readonly id: string;
  readonly name: string;
  /** Party short name. */
  readonly party: string | null;
}

/** Elected officials and parties (staff endpoints; changes for editors). */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly api = inject(ApiClient);

  list(): Observable<{ items: PersonSummary[] }> {
    return this.api.get<{ items: PersonSummary[] }>('people');
  }

  detail(id: string): Observable<PersonDetail> {
    return isUuid(id) ? this.api.get<PersonDetail>('people', id) : notFound(id);
  }

  create(input: PersonInput): Observable<PersonDetail> {
    return this.api.post<PersonDetail>(['people'], input);
  }

  update(id: string, input: PersonInput): Observable<PersonDetail> {
    return this.api.put<PersonDetail>(['people', id], input);
  }

  parties(): Observable<{ items: PartyRow[] }> {
    return this.api.get<{ items: PartyRow[] }>('parties');
  }
}
