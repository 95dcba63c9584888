import type {
  Election,
  LookupResponse,
  RegisteredVote,
  RegisterVoteResponse,
  ReviewVote,
  SessionUser,
  VoterMatch,
  VotesReport,
  VotingPlace,
} from '@sekretariat/contracts';
import { MUNICIPALITY } from './fixtures';

export const ELECTION_ID = '7e3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
export const PLACE_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const OTHER_PLACE_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const VOTE_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
export const ENVELOPE_VOTE_ID = '8e7d6c5b-4a3f-4d2c-9b1a-0f9e8d7c6b5a';
export const SECOND_ENVELOPE_VOTE_ID = '7d6c5b4a-3f2e-4c1b-8a0f-9e8d7c6b5a4f';

export const CLERK_USER: SessionUser = {
  id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  username: 'valgmedarbeider',
  displayName: 'Vera Valgmedarbeider',
  roles: ['election_staff'],
  personId: null,
  municipality: MUNICIPALITY,
};

export const ELECTION: Election = {
  id: ELECTION_ID,
  name: 'Folkeavstemning om skolestruktur',
  type: 'folkeavstemning',
  electionDay: '2026-12-02',
  earlyFrom: '2026-07-01',
  earlyTo: '2026-08-09',
  advanceFrom: '2026-08-10',
  advanceTo: '2026-11-27',
  legalRecord: true,
  rollSize: 2000,
};

export const PLACES: VotingPlace[] = [
  {
    id: OTHER_PLACE_ID,
    name: 'Biblioteket',
    address: 'Storgata 5',
    openingHours: [{ date: '2026-11-26', from: '10:00', to: '16:00' }],
    staff: [],
    openNow: false,
  },
  {
    id: PLACE_ID,
    name: 'Servicetorget',
    address: 'Rådhusplassen 1',
    openingHours: [{ date: '2026-11-25', from: '00:00', to: '23:59' }],
    staff: ['valgmedarbeider'],
    openNow: true,
  },
];

/** Valid synthetic personal numbers (month + 80). */
export const OWN_VOTER = '03813000058';
export const OTHER_VOTER = '02813000019';
export const UNKNOWN_VOTER = '02813000027';

function match(overrides: Partial<VoterMatch>): VoterMatch {
  return {
    personalNumberMasked: '038130*****',
    name: 'Nora Karlsen',
    birthDate: '1930-01-03',
    municipalityNumber: '9999',
    district: '0004 Krets 2',
    belongs: 'own',
    kind: 'ordinary',
    envelope: false,
    existingVote: null,
    ...overrides,
  };
}

/** The steps the API gives (apps/api/src/elections/rules/envelope.ts). */
export const BALLOT_BOX = {
  action: 'ballot_box',
  envelopeReason: null,
  writeOnEnvelope: null,
} as const;
function envelope(reason: NonNullable<RegisteredVote['envelopeReason']>, note: string) {
  return { action: 'envelope', envelopeReason: reason, writeOnEnvelope: note } as const;
}

export const FOUND_OWN: LookupResponse = {
  status: 'found',
  message: 'Velger i egen kommune: stemmeseddelen legges rett i urnen.',
  matches: [match({})],
  nextStep: BALLOT_BOX,
};

export const FOUND_OTHER: LookupResponse = {
  status: 'found',
  message: 'Velger fra kommune 0301: stemmeseddelen legges i omslagskonvolutt.',
  matches: [
    match({
      personalNumberMasked: '028130*****',
      name: 'Bjørn Mæland',
      birthDate: '1930-01-02',
      municipalityNumber: '0301',
      belongs: 'other',
      envelope: true,
    }),
  ],
  nextStep: envelope('other_municipality', 'Velger i annen kommune: send til kommunen'),
};

export const NOT_IN_ROLL: LookupResponse = {
  status: 'not_in_roll',
  message:
    'Velgeren står ikke i manntallet for dette valget. Ta imot stemmen i omslagskonvolutt; valgstyret prøver den.',
  matches: [],
  nextStep: envelope('not_in_roll', 'Ikke funnet i manntallet'),
};

/** A name search that found no one: the personal number is needed to take the vote. */
export const NOT_IN_ROLL_BY_NAME: LookupResponse = { ...NOT_IN_ROLL, nextStep: null };

export const APPROVED_VOTE: RegisteredVote = {
  id: VOTE_ID,
  castAt: '2026-11-25T09:15:00.000Z',
  votingPlace: 'Servicetorget',
  municipality: 'Eksempel kommune',
  kind: 'ordinary',
  status: 'approved',
  envelopeSerial: null,
  envelopeReason: null,
  rejectGround: null,
};

export const ALREADY_VOTED: LookupResponse = {
  status: 'already_voted',
  message:
    'Har allerede forhåndsstemt 25.11.2026 kl. 10:15 på Servicetorget. Ta imot stemmen i omslagskonvolutt; valgstyret prøver den.',
  matches: [match({ envelope: true, existingVote: APPROVED_VOTE })],
  nextStep: envelope('already_voted', 'Har stemt tidligere'),
};

/** The API's answers to a registration: approved at once, or received in an envelope. */
export const APPROVED: RegisterVoteResponse = {
  vote: { ...APPROVED_VOTE, castAt: '2026-11-25T10:00:00.000Z' },
  message:
    'Registrert og godkjent. Stemmeseddelen legges i urnen, og velgeren er krysset av i manntallet.',
  replayed: false,
};

export function receivedIn(
  reason: NonNullable<RegisteredVote['envelopeReason']>,
  message: string,
  envelopeSerial: string | null = null,
): RegisterVoteResponse {
  return {
    vote: {
      ...APPROVED_VOTE,
      id: ENVELOPE_VOTE_ID,
      castAt: '2026-11-25T10:05:00.000Z',
      status: 'received',
      envelopeReason: reason,
      envelopeSerial,
    },
    message,
    replayed: false,
  };
}

/** Received votes waiting for the board: one who has voted before, one not in the roll. */
export const REVIEW_ITEMS: ReviewVote[] = [
  {
    ...APPROVED_VOTE,
    id: ENVELOPE_VOTE_ID,
    castAt: '2026-11-25T11:30:00.000Z',
    votingPlace: 'Biblioteket',
    status: 'received',
    envelopeSerial: 'K-000124',
    envelopeReason: 'already_voted',
    personalNumberMasked: '038130*****',
    voterName: 'Nora Karlsen',
    voterMunicipalityNumber: '9999',
    clerkName: 'Vera Valgmedarbeider',
    decidedAt: null,
    otherVotes: [APPROVED_VOTE],
  },
  {
    ...APPROVED_VOTE,
    id: SECOND_ENVELOPE_VOTE_ID,
    castAt: '2026-11-25T12:10:00.000Z',
    status: 'received',
    envelopeSerial: null,
    envelopeReason: 'not_in_roll',
    personalNumberMasked: '028130*****',
    voterName: null,
    voterMunicipalityNumber: '0301',
    clerkName: 'Vera Valgmedarbeider',
    decidedAt: null,
    otherVotes: [],
  },
];

/** The election's figures with one row per place and kind (counts only). */
export function reportOf(days: Partial<VotesReport['days'][number]>[]): VotesReport {
  return {
    days: days.map((day) => ({
      date: '2026-11-25',
      votingPlace: 'Servicetorget',
      kind: 'ordinary',
      received: 0,
      approved: 0,
      rejected: 0,
      cancelled: 0,
      envelopes: 0,
      ...day,
    })),
    rejected: [],
    awaiting: [],
    envelopesByMunicipality: [],
  };
}
