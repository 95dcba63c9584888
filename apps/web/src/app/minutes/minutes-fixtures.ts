import type {
  Attendee,
  Minutes,
  MinutesItem,
  Proposal,
  ProtocolVersion,
} from '@sekretariat/contracts';

/** Minutes of a small council meeting, for the unit tests of this folder. */
export const MEETING = '11111111-1111-4111-8111-111111111111';
export const ITEM_1 = '22222222-2222-4222-8222-222222222221';
export const ITEM_2 = '22222222-2222-4222-8222-222222222222';
export const PROPOSAL_1 = '33333333-3333-4333-8333-333333333331';
export const ANNE = '44444444-4444-4444-8444-444444444441';
export const BJORN = '44444444-4444-4444-8444-444444444442';
export const CARL = '44444444-4444-4444-8444-444444444443';
export const DINA = '44444444-4444-4444-8444-444444444444';
export const EVA = '44444444-4444-4444-8444-444444444445';

export function attendee(over: Partial<Attendee> & Pick<Attendee, 'id' | 'name'>): Attendee {
  return {
    personId: null,
    party: null,
    role: 'member',
    title: '',
    meetsForName: null,
    onlyItemId: null,
    present: true,
    absenceReason: '',
    fromItemId: null,
    toItemId: null,
    arrivedAt: null,
    leftAt: null,
    ...over,
  };
}

export function proposal(over: Partial<Proposal> = {}): Proposal {
  return {
    id: PROPOSAL_1,
    ordinal: 1,
    kind: 'recommendation',
    proposer: 'Innstilling',
    onBehalfOf: '',
    text: 'Fergetilbudet videreføres.',
    outcome: 'pending',
    result: null,
    ...over,
  };
}

export function item(over: Partial<MinutesItem> = {}): MinutesItem {
  return {
    id: ITEM_1,
    number: 'PS 1/27',
    title: 'Fergetilbudet',
    archiveReference: '27/12',
    closed: false,
    citation: null,
    outcome: 'pending',
    treatment: '',
    decision: '',
    decisionExempt: false,
    handledAs: null,
    votingPresent: 4,
    quorate: true,
    disqualifications: [],
    proposals: [proposal()],
    ...over,
  };
}

export function version(over: Partial<ProtocolVersion> = {}): ProtocolVersion {
  return {
    version: 1,
    status: 'draft',
    correctionReason: null,
    approvedAt: null,
    approvalMethod: 'signatures',
    approvedInItem: null,
    signatures: [],
    ...over,
  };
}

/** Four present (Ap: Anne, Bjørn; H: Carl, Dina), one absent (Eva, Sp); two items. */
export function minutes(over: Partial<Minutes> = {}): Minutes {
  return {
    meetingId: MEETING,
    bodyName: 'Formannskapet',
    startsAt: '2027-03-10T17:00:00.000Z',
    meetingStatus: 'notice_sent',
    record: {
      language: 'nb',
      openedAt: null,
      closedAt: null,
      chairPersonId: ANNE,
      remarks: '',
      approvalMethod: 'signatures',
      signatoryPersonIds: [],
    },
    memberCount: 5,
    attendees: [
      attendee({
        id: 'a0000000-0000-4000-8000-000000000001',
        personId: ANNE,
        name: 'Anne Ås',
        party: 'Ap',
      }),
      attendee({
        id: 'a0000000-0000-4000-8000-000000000002',
        personId: BJORN,
        name: 'Bjørn Bø',
        party: 'Ap',
      }),
      attendee({
        id: 'a0000000-0000-4000-8000-000000000003',
        personId: CARL,
        name: 'Carl Cø',
        party: 'H',
      }),
      attendee({
        id: 'a0000000-0000-4000-8000-000000000004',
        personId: DINA,
        name: 'Dina Dø',
        party: 'H',
      }),
      attendee({
        id: 'a0000000-0000-4000-8000-000000000005',
        personId: EVA,
        name: 'Eva Eng',
        party: 'Sp',
        present: false,
        absenceReason: 'Syk',
      }),
    ],
    items: [item(), item({ id: ITEM_2, number: 'PS 2/27', title: 'Budsjett', proposals: [] })],
    versions: [version()],
    locked: false,
    ...over,
  };
}
