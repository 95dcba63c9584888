import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttendeeInput,
  AttendeeUpdateInput,
  BodyDetail,
  DisqualificationInput,
  ItemTreatmentInput,
  MeetingDetail,
  Minutes,
  MinutesRecordInput,
  ProposalInput,
  ProtocolEdition,
  VoteInput,
} from '@sekretariat/contracts';
import { type Observable, map, switchMap } from 'rxjs';
import { ApiClient, apiUrl, apiUrlWithQuery } from '../core/api/api-client';

/** A substitute on the body's list, to add as meeting for a member. */
export interface SubstituteChoice {
  readonly personId: string;
  readonly name: string;
  readonly party: string | null;
}

/**
 * The minutes of a meeting (`/api/meetings/:id/minutes…`). Every change answers with the whole
 * Minutes, so the page replaces its state with each response.
 */
@Injectable({ providedIn: 'root' })
export class MinutesApi {
  private readonly api = inject(ApiClient);
  // ApiClient has no DELETE: the interceptor adds the JSON content type to these as well.
  private readonly http = inject(HttpClient);

  view(meetingId: string): Observable<Minutes> {
    return this.api.get<Minutes>('meetings', meetingId, 'minutes');
  }

  start(meetingId: string): Observable<Minutes> {
    return this.api.post<Minutes>(['meetings', meetingId, 'minutes', 'start']);
  }

  record(meetingId: string, input: MinutesRecordInput): Observable<Minutes> {
    return this.api.put<Minutes>(['meetings', meetingId, 'minutes', 'record'], input);
  }

  addAttendee(meetingId: string, input: AttendeeInput): Observable<Minutes> {
    return this.api.post<Minutes>(['meetings', meetingId, 'minutes', 'attendees'], input);
  }

  updateAttendee(
    meetingId: string,
    attendeeId: string,
    input: AttendeeUpdateInput,
  ): Observable<Minutes> {
    return this.api.put<Minutes>(
      ['meetings', meetingId, 'minutes', 'attendees', attendeeId],
      input,
    );
  }

  removeAttendee(meetingId: string, attendeeId: string): Observable<Minutes> {
    return this.remove(meetingId, 'attendees', attendeeId);
  }

  treatItem(meetingId: string, itemId: string, input: ItemTreatmentInput): Observable<Minutes> {
    return this.api.put<Minutes>(['meetings', meetingId, 'minutes', 'items', itemId], input);
  }

  addProposal(meetingId: string, itemId: string, input: ProposalInput): Observable<Minutes> {
    return this.api.post<Minutes>(
      ['meetings', meetingId, 'minutes', 'items', itemId, 'proposals'],
      input,
    );
  }

  removeProposal(meetingId: string, proposalId: string): Observable<Minutes> {
    return this.remove(meetingId, 'proposals', proposalId);
  }

  vote(meetingId: string, proposalId: string, input: VoteInput): Observable<Minutes> {
    return this.api.put<Minutes>(
      ['meetings', meetingId, 'minutes', 'proposals', proposalId, 'vote'],
      input,
    );
  }

  disqualify(meetingId: string, itemId: string, input: DisqualificationInput): Observable<Minutes> {
    return this.api.post<Minutes>(
      ['meetings', meetingId, 'minutes', 'items', itemId, 'disqualifications'],
      input,
    );
  }

  removeDisqualification(meetingId: string, disqualificationId: string): Observable<Minutes> {
    return this.remove(meetingId, 'disqualifications', disqualificationId);
  }

  markHeld(meetingId: string): Observable<Minutes> {
    return this.api.post<Minutes>(['meetings', meetingId, 'minutes', 'held']);
  }

  unmarkHeld(meetingId: string): Observable<Minutes> {
    return this.http.delete<Minutes>(apiUrl('meetings', meetingId, 'minutes', 'held'));
  }

  sign(meetingId: string): Observable<Minutes> {
    return this.api.post<Minutes>(['meetings', meetingId, 'minutes', 'protocol', 'sign']);
  }

  correct(meetingId: string, reason: string): Observable<Minutes> {
    return this.api.post<Minutes>(['meetings', meetingId, 'minutes', 'protocol', 'corrections'], {
      reason,
    });
  }

  /** The body's substitutes on the meeting's list (the meeting names its body). */
  substitutes(meetingId: string): Observable<SubstituteChoice[]> {
    return this.api.get<MeetingDetail>('meetings', meetingId).pipe(
      switchMap((meeting) => this.api.get<BodyDetail>('bodies', meeting.bodyId)),
      map((body) => {
        const seen = new Set<string>();
        return body.substitutes
          .filter((row) => !seen.has(row.personId) && seen.add(row.personId))
          .map((row) => ({ personId: row.personId, name: row.name, party: row.party }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
      }),
    );
  }

  /** The protocol PDF for a link: the current draft (watermarked) or an approved version. */
  pdfUrl(meetingId: string, edition: ProtocolEdition, version?: number): string {
    return apiUrlWithQuery(['meetings', meetingId, 'minutes', 'protocol.pdf'], {
      edition,
      version,
    });
  }

  private remove(meetingId: string, kind: string, childId: string): Observable<Minutes> {
    return this.http.delete<Minutes>(apiUrl('meetings', meetingId, 'minutes', kind, childId));
  }
}
