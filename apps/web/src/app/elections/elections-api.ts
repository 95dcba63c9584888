import { Injectable, inject } from '@angular/core';
import type {
  Election,
  ElectionInput,
  LookupResponse,
  RegisteredVote,
  RegisterVoteInput,
  RegisterVoteResponse,
  RollImportReport,
  VotesReport,
  VotingPlace,
  VotingPlaceInput,
} from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, apiUrlWithQuery } from '../core/api/api-client';

/** Elections, voting places, the roll, the counter and the figures (`/api/elections…`). */
@Injectable({ providedIn: 'root' })
export class ElectionsApi {
  private readonly api = inject(ApiClient);

  list(): Observable<{ items: Election[] }> {
    return this.api.get<{ items: Election[] }>('elections');
  }

  create(input: ElectionInput): Observable<Election> {
    return this.api.post<Election>(['elections'], input);
  }

  places(electionId: string): Observable<{ items: VotingPlace[] }> {
    return this.api.get<{ items: VotingPlace[] }>('elections', electionId, 'places');
  }

  createPlace(electionId: string, input: VotingPlaceInput): Observable<VotingPlace> {
    return this.api.post<VotingPlace>(['elections', electionId, 'places'], input);
  }

  /** Sends the roll file as it is; the import runs as a job (202 with its id). */
  uploadRoll(electionId: string, file: Blob, allowRejected: boolean): Observable<RollImportReport> {
    return this.api.postFile<RollImportReport>(
      ['elections', electionId, 'roll'],
      file,
      'text/csv',
      {
        allowRejected: allowRejected || undefined,
      },
    );
  }

  rollJob(electionId: string, jobId: string): Observable<RollImportReport> {
    return this.api.get<RollImportReport>('elections', electionId, 'roll', 'jobs', jobId);
  }

  lookupByNumber(electionId: string, personalNumber: string): Observable<LookupResponse> {
    return this.api.query<LookupResponse>(['elections', electionId, 'lookup'], { personalNumber });
  }

  lookupByName(electionId: string, name: string, birthDate: string): Observable<LookupResponse> {
    return this.api.query<LookupResponse>(['elections', electionId, 'lookup'], { name, birthDate });
  }

  register(electionId: string, input: RegisterVoteInput): Observable<RegisterVoteResponse> {
    return this.api.post<RegisterVoteResponse>(['elections', electionId, 'votes'], input);
  }

  cancel(voteId: string, reason: string): Observable<RegisteredVote> {
    return this.api.post<RegisteredVote>(['votes', voteId, 'cancel'], { reason });
  }

  report(electionId: string): Observable<VotesReport> {
    return this.api.get<VotesReport>('elections', electionId, 'report');
  }

  /** The day's registrations with envelope serials, for reconciliation (a download link). */
  registrationsCsvUrl(electionId: string, date: string): string {
    return apiUrlWithQuery(['elections', electionId, 'registrations.csv'], { date });
  }
}
