import { Injectable, inject } from '@angular/core';
import type {
  Election,
  EnvelopeDecisionInput,
  EnvelopeRegister,
  PlaceCounts,
  ReceivedEnvelope,
  ReceivedEnvelopeInput,
  SentEnvelope,
  SentEnvelopeInput,
  ElectionInput,
  EnvelopeReason,
  LookupResponse,
  RegisteredVote,
  RegisterVoteInput,
  RegisterVoteResponse,
  ReviewVoteList,
  RollImportReport,
  VoteDecisionInput,
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

  /** A clerk undoes their own registration, within minutes of making it (`UNDO_TOO_LATE` after). */
  undo(voteId: string, reason: string): Observable<RegisteredVote> {
    return this.api.post<RegisteredVote>(['votes', voteId, 'undo'], { reason });
  }

  /** The election board cancels a registration made in error. */
  cancel(voteId: string, reason: string): Observable<RegisteredVote> {
    return this.api.post<RegisteredVote>(['votes', voteId, 'cancel'], { reason });
  }

  /** Received votes waiting for the board's decision (prøving), optionally of one reason. */
  review(electionId: string, reason: EnvelopeReason | null): Observable<ReviewVoteList> {
    return this.api.query<ReviewVoteList>(['elections', electionId, 'review'], { reason });
  }

  /** The board approves received votes, or rejects them with a ground: all or nothing. */
  decide(electionId: string, input: VoteDecisionInput): Observable<ReviewVoteList> {
    return this.api.post<ReviewVoteList>(['elections', electionId, 'review', 'decisions'], input);
  }

  /** A voter's votes, found by personal number or name (for the board, to cancel one). */
  searchVotes(electionId: string, q: string): Observable<ReviewVoteList> {
    return this.api.query<ReviewVoteList>(['elections', electionId, 'votes', 'search'], { q });
  }

  report(electionId: string): Observable<VotesReport> {
    return this.api.get<VotesReport>('elections', electionId, 'report');
  }

  /** The day's registrations with envelope serials, for reconciliation (a download link). */
  registrationsCsvUrl(electionId: string, date: string): string {
    return apiUrlWithQuery(['elections', electionId, 'registrations.csv'], { date });
  }

  /** The register of envelopes sent to and received from other municipalities. */
  envelopes(electionId: string): Observable<EnvelopeRegister> {
    return this.api.get<EnvelopeRegister>('elections', electionId, 'envelopes');
  }

  receiveEnvelope(electionId: string, input: ReceivedEnvelopeInput): Observable<ReceivedEnvelope> {
    return this.api.post<ReceivedEnvelope>(
      ['elections', electionId, 'envelopes', 'received'],
      input,
    );
  }

  sendEnvelope(electionId: string, input: SentEnvelopeInput): Observable<SentEnvelope> {
    return this.api.post<SentEnvelope>(['elections', electionId, 'envelopes', 'sent'], input);
  }

  /** The board's prøving of a received envelope (a late one can only be rejected as late). */
  decideEnvelope(
    electionId: string,
    envelopeId: string,
    input: EnvelopeDecisionInput,
  ): Observable<ReceivedEnvelope> {
    return this.api.post<ReceivedEnvelope>(
      ['elections', electionId, 'envelopes', 'received', envelopeId, 'decision'],
      input,
    );
  }

  /** The election board's record of advance voting as PDF (a download link). */
  boardRecordUrl(electionId: string): string {
    return apiUrlWithQuery(['elections', electionId, 'board-record.pdf'], {});
  }

  /** The counter's figures: the place's votes on a day, in all and per hour. */
  placeCounts(electionId: string, placeId: string, date: string): Observable<PlaceCounts> {
    return this.api.query<PlaceCounts>(['elections', electionId, 'places', placeId, 'counts'], {
      date,
    });
  }
}
