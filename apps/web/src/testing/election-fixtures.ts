import type {
  Election,
  LookupResponse,
  SessionUser,
  VoterMatch,
  VotingPlace,
} from '@sekretariat/contracts';
import { MUNICIPALITY } from './fixtures';

export const ELECTION_ID = '7e3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
export const PLACE_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const OTHER_PLACE_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const VOTE_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';

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

export const FOUND_OWN: LookupResponse = {
  status: 'found',
  message: 'Velger i egen kommune: stemmeseddelen legges rett i urnen.',
  matches: [match({})],
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
};

export const NOT_IN_ROLL: LookupResponse = {
  status: 'not_in_roll',
  message: 'Velgeren står ikke i manntallet for dette valget.',
  matches: [],
};

export const ALREADY_VOTED: LookupResponse = {
  status: 'already_voted',
  message: 'Har allerede forhåndsstemt 25.11.2026 kl. 10:15 på Servicetorget.',
  matches: [
    match({
      existingVote: {
        id: VOTE_ID,
        castAt: '2026-11-25T09:15:00.000Z',
        votingPlace: 'Servicetorget',
        municipality: 'Eksempel kommune',
        kind: 'ordinary',
        status: 'counted',
        envelopeSerial: null,
      },
    }),
  ],
};
