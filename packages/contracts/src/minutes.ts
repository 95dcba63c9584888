import { z } from 'zod';

/**
 * Minutes (møtebok, koml. § 11-4): what happened in a held meeting, recorded item by item, and
 * the protocol rendered from it as PDF and as open data (see docs/minutes.md).
 */

const id = z.uuid({ error: 'Ugyldig id: forventet en UUID.' });
/** A clock time in the meeting, "18:05". */
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ugyldig klokkeslett: bruk TT:MM.');
/** Free text as people type it: NUL and other control characters (except line breaks and tabs) are refused. */
const text = (max: number) =>
  z
    .string()
    .max(max, `Teksten er for lang (høyst ${max} tegn).`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'Teksten inneholder ugyldige tegn.');

/** Who sits in the room: members of the body, substitutes who meet for a member, and others present (the administration). */
export const ATTENDEE_ROLES = ['member', 'substitute', 'officer'] as const;
export const AttendeeRole = z.enum(ATTENDEE_ROLES);
export type AttendeeRole = z.infer<typeof AttendeeRole>;

/** fvl. § 6: first paragraph letters a–e (automatic disqualification) and the second paragraph (special circumstances). */
export const DISQUALIFICATION_GROUNDS = ['fvl6-1-a', 'fvl6-1-b', 'fvl6-1-c', 'fvl6-1-d', 'fvl6-1-e', 'fvl6-2'] as const;
export const DisqualificationGround = z.enum(DISQUALIFICATION_GROUNDS);
export type DisqualificationGround = z.infer<typeof DisqualificationGround>;

/** The citation as printed in the protocol. */
export const DISQUALIFICATION_CITATIONS: Record<DisqualificationGround, string> = {
  'fvl6-1-a': 'fvl. § 6 første ledd bokstav a',
  'fvl6-1-b': 'fvl. § 6 første ledd bokstav b',
  'fvl6-1-c': 'fvl. § 6 første ledd bokstav c',
  'fvl6-1-d': 'fvl. § 6 første ledd bokstav d',
  'fvl6-1-e': 'fvl. § 6 første ledd bokstav e',
  'fvl6-2': 'fvl. § 6 annet ledd',
};

/** The recommendation (innstilling) is the first proposal; members add new proposals, amendments and additions. */
export const PROPOSAL_KINDS = ['recommendation', 'new', 'amendment', 'addition'] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKind>;

/** A proposal is voted on, withdrawn by its proposer, or never put to the vote (fell away when another was adopted). */
export const PROPOSAL_OUTCOMES = ['pending', 'voted', 'withdrawn', 'not_voted'] as const;
export const ProposalOutcome = z.enum(PROPOSAL_OUTCOMES);
export type ProposalOutcome = z.infer<typeof ProposalOutcome>;

/** What became of an agenda item in the meeting. */
export const ITEM_OUTCOMES = ['pending', 'treated', 'postponed', 'withdrawn'] as const;
export const ItemOutcome = z.enum(ITEM_OUTCOMES);
export type ItemOutcome = z.infer<typeof ItemOutcome>;

/** The municipality's written standard for the protocol (målform). */
export const PROTOCOL_LANGUAGES = ['nb', 'nn'] as const;
export const ProtocolLanguage = z.enum(PROTOCOL_LANGUAGES);
export type ProtocolLanguage = z.infer<typeof ProtocolLanguage>;

/** Approved by the signatures of chosen members, or as an item in the body's next meeting. */
export const APPROVAL_METHODS = ['signatures', 'next_meeting'] as const;
export const ApprovalMethod = z.enum(APPROVAL_METHODS);
export type ApprovalMethod = z.infer<typeof ApprovalMethod>;

export const PROTOCOL_STATUSES = ['draft', 'approved', 'superseded'] as const;
export const ProtocolStatus = z.enum(PROTOCOL_STATUSES);
export type ProtocolStatus = z.infer<typeof ProtocolStatus>;

/** The meeting's facts for the protocol. */
export const MinutesRecordInput = z.strictObject({
  language: ProtocolLanguage,
  openedAt: clock.nullable(),
  closedAt: clock.nullable(),
  chairPersonId: id.nullable(),
  /** "Merknader": remarks to the notice and the agenda; '' prints "Ingen merknader". */
  remarks: text(5000),
  approvalMethod: ApprovalMethod,
  /** Members chosen to sign (with approval by signatures). */
  signatoryPersonIds: z.array(id).max(5, 'Høyst fem kan velges til å signere.'),
});
export type MinutesRecordInput = z.infer<typeof MinutesRecordInput>;

/** Someone more in the room: a substitute who meets for a member, or an officer of the administration. */
export const AttendeeInput = z
  .strictObject({
    role: z.enum(['substitute', 'officer']),
    /** The substitute (a person on the body's substitute list); null for an officer named by text. */
    personId: id.nullable().default(null),
    /** An officer's name and title ("Rådmann"). */
    name: text(200).default(''),
    title: text(200).default(''),
    /** Whom the substitute meets for. */
    meetsForPersonId: id.nullable().default(null),
    /** A substitute for one item only (for a disqualified member). */
    onlyItemId: id.nullable().default(null),
  })
  .refine((a) => a.role !== 'substitute' || (a.personId !== null && a.meetsForPersonId !== null), {
    path: ['personId'],
    message: 'Velg varamedlemmet og hvem det møter for.',
  })
  .refine((a) => a.role !== 'officer' || a.name.trim().length > 0, { path: ['name'], message: 'Skriv navnet.' });
export type AttendeeInput = z.infer<typeof AttendeeInput>;

/** Presence: absent with a reason, or present from one item to another (arrivals and departures). */
export const AttendeeUpdateInput = z.strictObject({
  present: z.boolean(),
  absenceReason: text(300).default(''),
  fromItemId: id.nullable().default(null),
  toItemId: id.nullable().default(null),
  arrivedAt: clock.nullable().default(null),
  leftAt: clock.nullable().default(null),
});
export type AttendeeUpdateInput = z.infer<typeof AttendeeUpdateInput>;

export const ItemTreatmentInput = z.strictObject({
  outcome: ItemOutcome,
  /** "Behandling": the debate in brief. */
  treatment: text(50000).default(''),
  /** "Vedtak": written from the adopted proposal(s), editable. */
  decision: text(50000).default(''),
  /** The decision itself is exempt (a closed item's decision is public unless marked). */
  decisionExempt: z.boolean().default(false),
  /** Order in which the item was handled, when not in agenda order. */
  handledAs: z.number().int().min(1).max(1000).nullable().default(null),
});
export type ItemTreatmentInput = z.infer<typeof ItemTreatmentInput>;

export const DisqualificationInput = z.strictObject({
  personId: id,
  ground: DisqualificationGround,
  /** The body's ruling (the member concerned does not take part, fvl. § 8). */
  disqualified: z.boolean(),
  note: text(2000).default(''),
});
export type DisqualificationInput = z.infer<typeof DisqualificationInput>;

export const ProposalInput = z.strictObject({
  kind: ProposalKind.exclude(['recommendation']),
  /** The member who proposes (in the body or a substitute meeting). */
  personId: id.nullable().default(null),
  /** On behalf of (party or group), e.g. "Ap, Sp"; '' for the member's own party. */
  onBehalfOf: text(200).default(''),
  text: text(20000).refine((s) => s.trim().length > 0, 'Skriv forslaget.'),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

export const VoteInput = z.strictObject({
  outcome: ProposalOutcome.exclude(['pending']),
  /** Those present who voted against (every other voting member present voted for; koml. § 8-1 duty to vote). */
  againstPersonIds: z.array(id).max(500).default([]),
});
export type VoteInput = z.infer<typeof VoteInput>;

export const PartyCount = z.object({ party: z.string(), for: z.number().int(), against: z.number().int() });
export type PartyCount = z.infer<typeof PartyCount>;

export const VoteResult = z.object({
  for: z.number().int(),
  against: z.number().int(),
  adopted: z.boolean(),
  /** A tie decided by the chair's vote (koml. § 11-9). */
  chairDecided: z.boolean(),
  byParty: z.array(PartyCount),
  /** Named where a party split, and independents (koml. § 11-4). */
  namedFor: z.array(z.string()),
  namedAgainst: z.array(z.string()),
  sentence: z.string(),
});
export type VoteResult = z.infer<typeof VoteResult>;

export const Proposal = z.object({
  id: z.uuid(),
  ordinal: z.number().int(),
  kind: ProposalKind,
  proposer: z.string(),
  onBehalfOf: z.string(),
  text: z.string(),
  outcome: ProposalOutcome,
  result: VoteResult.nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Disqualification = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  ground: DisqualificationGround,
  citation: z.string(),
  disqualified: z.boolean(),
  note: z.string(),
});
export type Disqualification = z.infer<typeof Disqualification>;

export const Attendee = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  name: z.string(),
  party: z.string().nullable(),
  role: AttendeeRole,
  title: z.string(),
  meetsForName: z.string().nullable(),
  onlyItemId: z.uuid().nullable(),
  present: z.boolean(),
  absenceReason: z.string(),
  fromItemId: z.uuid().nullable(),
  toItemId: z.uuid().nullable(),
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const MinutesItem = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  archiveReference: z.string().nullable(),
  closed: z.boolean(),
  citation: z.string().nullable(),
  outcome: ItemOutcome,
  treatment: z.string(),
  decision: z.string(),
  decisionExempt: z.boolean(),
  handledAs: z.number().int().nullable(),
  /** Voting members present in this item (disqualified members excluded). */
  votingPresent: z.number().int(),
  /** koml. § 11-9: at least half of the members present and voting. */
  quorate: z.boolean(),
  disqualifications: z.array(Disqualification),
  proposals: z.array(Proposal),
});
export type MinutesItem = z.infer<typeof MinutesItem>;

export const ProtocolSignature = z.object({ personId: z.uuid(), name: z.string(), signedAt: z.string().nullable() });
export type ProtocolSignature = z.infer<typeof ProtocolSignature>;

export const ProtocolVersion = z.object({
  version: z.number().int(),
  status: ProtocolStatus,
  correctionReason: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalMethod: ApprovalMethod,
  approvedInItem: z.string().nullable(),
  signatures: z.array(ProtocolSignature),
});
export type ProtocolVersion = z.infer<typeof ProtocolVersion>;

export const Minutes = z.object({
  meetingId: z.uuid(),
  bodyName: z.string(),
  startsAt: z.string(),
  meetingStatus: z.string(),
  record: MinutesRecordInput,
  /** Seats in the body (for quorum). */
  memberCount: z.number().int(),
  attendees: z.array(Attendee),
  items: z.array(MinutesItem),
  versions: z.array(ProtocolVersion),
  /** Nothing can change: the current version is approved (a correction opens a new one). */
  locked: z.boolean(),
});
export type Minutes = z.infer<typeof Minutes>;

export const CorrectionInput = z.strictObject({ reason: text(2000).refine((s) => s.trim().length > 0, 'Skriv hvorfor protokollen rettes.') });
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const ApproveInMeetingInput = z.strictObject({ agendaItemId: id });
export type ApproveInMeetingInput = z.infer<typeof ApproveInMeetingInput>;

export const ProtocolEdition = z.enum(['internal', 'public']);
export type ProtocolEdition = z.infer<typeof ProtocolEdition>;
export const ProtocolPdfQuery = z.strictObject({
  edition: ProtocolEdition.default('internal'),
  version: z.coerce.number().int().min(1).optional(),
});
export type ProtocolPdfQuery = z.infer<typeof ProtocolPdfQuery>;

/** What the public meeting page says about the protocol. */
export const PublicProtocolInfo = z.object({
  version: z.number().int(),
  approvedAt: z.string(),
  corrected: z.boolean(),
});
export type PublicProtocolInfo = z.infer<typeof PublicProtocolInfo>;

/**
 * The approved protocol as open data: OParl 1.1 names for the meeting, its agenda items and
 * papers, Popolo's VoteEvent shape for the votes (counts and group results per party). The JSON
 * Schema in packages/contracts/schemas/protocol.schema.json is generated from this.
 */
const OpenCount = z.object({ option: z.enum(['yes', 'no']), value: z.number().int() });
export const OpenProtocol = z.object({
  type: z.literal('https://schema.oparl.org/1.1/Meeting'),
  id: z.string(),
  name: z.string(),
  organization: z.object({ type: z.literal('https://schema.oparl.org/1.1/Organization'), name: z.string() }),
  municipality: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  location: z.string(),
  meetingState: z.literal('approved'),
  protocol: z.object({
    version: z.number().int(),
    approvedAt: z.string(),
    corrected: z.boolean(),
    language: ProtocolLanguage,
    pdf: z.string(),
  }),
  participant: z.array(
    z.object({
      type: z.literal('https://schema.oparl.org/1.1/Person'),
      name: z.string(),
      party: z.string().nullable(),
      role: AttendeeRole,
      meetsFor: z.string().nullable(),
      onlyItem: z.string().nullable(),
    }),
  ),
  absent: z.array(z.object({ name: z.string(), party: z.string().nullable() })),
  agendaItem: z.array(
    z.object({
      type: z.literal('https://schema.oparl.org/1.1/AgendaItem'),
      number: z.string(),
      name: z.string(),
      public: z.boolean(),
      exemptCitation: z.string().nullable(),
      consultation: z.object({ paper: z.object({ reference: z.string().nullable(), name: z.string() }) }).nullable(),
      result: ItemOutcome,
      resolutionText: z.string().nullable(),
      disqualified: z.array(z.object({ name: z.string(), citation: z.string() })),
      voteEvent: z.array(
        z.object({
          motion: z.object({ kind: ProposalKind, proposer: z.string(), text: z.string().nullable() }),
          result: z.enum(['pass', 'fail', 'withdrawn', 'not_voted']),
          chairDecided: z.boolean(),
          counts: z.array(OpenCount),
          group_results: z.array(z.object({ group: z.string(), counts: z.array(OpenCount) })),
          votes: z.array(z.object({ voter: z.string(), option: z.enum(['yes', 'no']) })),
        }),
      ),
    }),
  ),
});
export type OpenProtocol = z.infer<typeof OpenProtocol>;

/** A meeting and something in its minutes (an attendee, an item, a proposal, a disqualification). */
export const MinutesChildParams = z.strictObject({ id, childId: id });
export type MinutesChildParams = z.infer<typeof MinutesChildParams>;
