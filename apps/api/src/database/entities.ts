import { AuditEntry } from '../audit/audit-entry.entity.js';
import { RateLimit } from '../auth/rate-limit.entity.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { Body } from '../bodies/body.entity.js';
import { GrantRates } from '../bodies/grant-rates.entity.js';
import { Membership } from '../bodies/membership.entity.js';
import { MembershipLeave } from '../bodies/membership-leave.entity.js';
import { Party } from '../bodies/party.entity.js';
import { Person } from '../bodies/person.entity.js';
import { AdvanceVote } from '../elections/advance-vote.entity.js';
import { Election } from '../elections/election.entity.js';
import { ReceivedEnvelope, SentEnvelope, SentEnvelopeVote } from '../elections/envelope.entity.js';
import { RollVoter } from '../elections/roll-voter.entity.js';
import { VotingPlace, VotingPlaceStaff } from '../elections/voting-place.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { AgendaSequence } from '../meetings/agenda-sequence.entity.js';
import { CalendarLink } from '../meetings/calendar-link.entity.js';
import { Case } from '../cases/case.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AbsenceLink, MeetingAbsence, SubstituteSummons } from '../attendance/attendance.entities.js';
import { Document } from '../documents/document.entity.js';
import { SearchWord } from '../documents/search-word.entity.js';
import { Municipality } from '../core/municipality.entity.js';
import { MunicipalitySettingsRow } from '../municipalities/municipality-settings.entity.js';
import { MinutesAttendee, MinutesDisqualification, MinutesItem, MinutesProposal, MinutesRecord, ProtocolSignature, ProtocolVersion } from '../minutes/minutes.entities.js';
import { ReaderAnnotation } from '../reader/annotation.entity.js';
import { ReadMark } from '../reader/read-mark.entity.js';
import { OUTREACH_ENTITIES, OUTREACH_TABLES } from '../outreach/outreach.entities.js';
import { PublishedDocument, PublishedRefresh } from '../published/published-document.entity.js';
import { WeddingAvailability, WeddingBlockedDay, WeddingBooking, WeddingOfficiant, WeddingPlace, WeddingSequence, WeddingSettings } from '../weddings/weddings.entities.js';

/** Every entity, listed explicitly (no folder scanning: the same list works from src and dist). */
export const ENTITIES = [Municipality, User, Session, AuditEntry, Party, Person, Body, Membership, MembershipLeave, GrantRates, Election, VotingPlace, VotingPlaceStaff, RollVoter, AdvanceVote, Meeting, Case, AgendaItem, Document, CalendarLink, AgendaSequence, MeetingAbsence, SubstituteSummons, AbsenceLink, ReadMark, ReaderAnnotation, RateLimit, MinutesRecord, MinutesAttendee, MinutesItem, MinutesDisqualification, MinutesProposal, ProtocolVersion, ProtocolSignature, WeddingPlace, WeddingOfficiant, WeddingAvailability, WeddingBlockedDay, WeddingSettings, WeddingSequence, WeddingBooking, SentEnvelope, SentEnvelopeVote, ReceivedEnvelope, SearchWord, MunicipalitySettingsRow, PublishedDocument, PublishedRefresh, ...OUTREACH_ENTITIES];

/** Tables that carry municipality_id and are protected by row-level security. */
export const TENANT_TABLES = ['app_user', 'app_session', 'audit_log', 'party', 'person', 'body', 'membership', 'membership_leave', 'grant_rates', 'election', 'voting_place', 'voting_place_staff', 'roll_voter', 'advance_vote', 'meeting', 'political_case', 'agenda_item', 'calendar_link', 'agenda_sequence', 'meeting_absence', 'substitute_summons', 'absence_link', 'reader_read_mark', 'reader_annotation', 'minutes_record', 'minutes_attendee', 'minutes_item', 'minutes_disqualification', 'minutes_proposal', 'protocol_version', 'protocol_signature', 'wedding_place', 'wedding_officiant', 'wedding_availability', 'wedding_blocked_day', 'wedding_settings', 'wedding_sequence', 'wedding_booking', 'sent_envelope', 'sent_envelope_vote', 'received_envelope', 'search_word', 'municipality_settings', 'published_document', 'published_refresh', ...OUTREACH_TABLES];
