import { z } from 'zod';

/** Elections (issue 6): the electoral roll and advance votes. */

export const ELECTION_TYPES = ['stortingsvalg', 'kommunestyre_fylkesting', 'sametingsvalg', 'folkeavstemning', 'ungdomsraadsvalg'] as const;
export const ElectionType = z.enum(ELECTION_TYPES);
export type ElectionType = z.infer<typeof ElectionType>;

const isoDate = z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' });
export const ElectionInput = z
  .strictObject({
    name: z.string().trim().min(1, 'Navn mangler.').max(200),
    type: ElectionType,
    electionDay: isoDate,
    /**
     * Only for elections the municipality runs itself (referendum, youth council): its own
     * advance voting period. National elections always use the periods the law sets.
     */
    advanceFrom: isoDate.optional(),
    advanceTo: isoDate.optional(),
  })
  .refine((e) => !e.advanceFrom === !e.advanceTo, { path: ['advanceTo'], message: 'Oppgi både start og slutt på forhåndsstemmeperioden.' })
  .refine((e) => !e.advanceFrom || !e.advanceTo || (e.advanceFrom <= e.advanceTo && e.advanceTo < e.electionDay), {
    path: ['advanceTo'],
    message: 'Forhåndsstemmeperioden må slutte før valgdagen og kan ikke slutte før den begynner.',
  });
export type ElectionInput = z.infer<typeof ElectionInput>;

export const Election = z.object({
  id: z.uuid(),
  name: z.string(),
  type: ElectionType,
  electionDay: z.iso.date(),
  earlyFrom: z.iso.date(),
  earlyTo: z.iso.date(),
  advanceFrom: z.iso.date(),
  advanceTo: z.iso.date(),
  /** True for elections the municipality runs itself, where this system is the legal record. */
  legalRecord: z.boolean(),
  rollSize: z.number().int(),
});
export type Election = z.infer<typeof Election>;
export const ElectionListResponse = z.object({ items: z.array(Election) });

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Bruk TT:MM.');
export const OpeningHours = z.object({ date: z.iso.date(), from: time, to: time });
export const VotingPlaceInput = z.strictObject({
  name: z.string().trim().min(1, 'Navn mangler.').max(200),
  address: z.string().trim().max(300).default(''),
  openingHours: z.array(OpeningHours).max(200).default([]),
  /** User names of the election staff who work here. */
  staff: z.array(z.string().max(100)).max(200).default([]),
});
export type VotingPlaceInput = z.infer<typeof VotingPlaceInput>;
export const VotingPlace = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  openingHours: z.array(OpeningHours),
  staff: z.array(z.string()),
  openNow: z.boolean(),
});
export type VotingPlace = z.infer<typeof VotingPlace>;

export const VOTE_KINDS = ['early', 'ordinary', 'institution', 'home'] as const;
export const VoteKind = z.enum(VOTE_KINDS);
export type VoteKind = z.infer<typeof VoteKind>;

export const LookupQuery = z
  .strictObject({
    personalNumber: z.string().trim().optional(),
    name: z.string().trim().max(200).optional(),
    birthDate: z.iso.date().optional(),
  })
  .refine((q) => !!q.personalNumber || (!!q.name && !!q.birthDate), {
    message: 'Søk med fødselsnummer, eller med navn og fødselsdato.',
  });
export type LookupQuery = z.infer<typeof LookupQuery>;

/**
 * A vote is received, then approved or rejected by the election board (prøving); a plain vote of
 * the own municipality's voter who has not voted is approved at once. Cancelled: registered in error.
 */
export const VOTE_STATUSES = ['received', 'approved', 'rejected', 'cancelled'] as const;
export const VoteStatus = z.enum(VOTE_STATUSES);
export type VoteStatus = z.infer<typeof VoteStatus>;

/** Why a vote is taken in a special envelope (omslagskonvolutt) for the board to decide (domain.md §2.2). */
export const ENVELOPE_REASONS = ['other_municipality', 'already_voted', 'not_in_roll', 'identity_doubt', 'early_vote'] as const;
export const EnvelopeReason = z.enum(ENVELOPE_REASONS);
export type EnvelopeReason = z.infer<typeof EnvelopeReason>;

/** What the clerk writes on the envelope, per reason. */
export const ENVELOPE_NOTES: Record<EnvelopeReason, string> = {
  other_municipality: 'Velger i annen kommune: send til kommunen',
  already_voted: 'Har stemt tidligere',
  not_in_roll: 'Ikke funnet i manntallet',
  identity_doubt: 'Tvil om identitet',
  early_vote: 'Tidligstemme',
};

/**
 * Grounds for rejecting a vote in prøving: Valgdirektoratet's criteria (domain.md §2.2), each
 * criterion not met is a ground.
 */
export const REJECTION_GROUNDS = ['not_in_roll', 'not_identified', 'wrong_time', 'wrong_receiver', 'envelope_opened', 'already_approved', 'late'] as const;
export const RejectionGround = z.enum(REJECTION_GROUNDS);
export type RejectionGround = z.infer<typeof RejectionGround>;
export const REJECTION_GROUND_TEXT: Record<RejectionGround, string> = {
  not_in_roll: 'Velgeren står ikke i manntallet i kommunen',
  not_identified: 'Ikke nok opplysninger til å identifisere velgeren',
  wrong_time: 'Ikke avgitt til rett tid',
  wrong_receiver: 'Ikke avgitt til rett stemmemottaker',
  envelope_opened: 'Omslagskonvolutten er åpnet',
  already_approved: 'Velgeren har allerede en godkjent stemmegivning',
  late: 'Ikke kommet inn innen kl. 17 dagen etter valgdagen',
};

export const RegisteredVote = z.object({
  id: z.uuid(),
  castAt: z.string(),
  votingPlace: z.string(),
  municipality: z.string(),
  kind: VoteKind,
  status: VoteStatus,
  envelopeSerial: z.string().nullable(),
  envelopeReason: EnvelopeReason.nullable(),
  rejectGround: RejectionGround.nullable(),
});
export type RegisteredVote = z.infer<typeof RegisteredVote>;

export const VoterMatch = z.object({
  personalNumberMasked: z.string(),
  name: z.string(),
  birthDate: z.iso.date(),
  municipalityNumber: z.string(),
  district: z.string(),
  /** own: the receiving municipality's voter (ballot box); other: envelope to the voter's municipality. */
  belongs: z.enum(['own', 'other']),
  /** The registration that would apply now. */
  kind: VoteKind.nullable(),
  envelope: z.boolean(),
  existingVote: RegisteredVote.nullable(),
});
export type VoterMatch = z.infer<typeof VoterMatch>;
/** What the clerk does next: never a refusal (a voter is not turned away), the ballot box or a special envelope. */
export const NextStep = z.object({
  action: z.enum(['ballot_box', 'envelope']),
  envelopeReason: EnvelopeReason.nullable(),
  /** What to write on the envelope (Norwegian). */
  writeOnEnvelope: z.string().nullable(),
});
export type NextStep = z.infer<typeof NextStep>;

export const LookupResponse = z.object({
  status: z.enum(['found', 'not_in_roll', 'already_voted', 'several']),
  message: z.string(),
  matches: z.array(VoterMatch),
  /** For one voter (or none found): what to do. Null when several match (ask for the personal number). */
  nextStep: NextStep.nullable(),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

export const RegisterVoteInput = z.strictObject({
  personalNumber: z.string().regex(/^\d{11}$/, 'Fødselsnummer har 11 siffer.'),
  votingPlaceId: z.uuid(),
  identityChecked: z.literal(true, { error: 'Bekreft at legitimasjonen er kontrollert.' }),
  envelopeSerial: z.string().trim().max(40).nullable().default(null),
  /** The clerk doubts the voter's identity: the vote is taken in an envelope for the board. */
  identityDoubt: z.boolean().default(false),
  /** For a voter not found in the roll: the municipality they say they live in, if known. */
  voterMunicipalityNumber: z.string().regex(/^\d{4}$/, 'Kommunenummer har fire siffer.').nullable().default(null),
  /** From the client, once per attempt: a retried or double-clicked request registers once. */
  idempotencyKey: z.string().min(8).max(100),
});
export type RegisterVoteInput = z.infer<typeof RegisterVoteInput>;

export const RegisterVoteResponse = z.object({ vote: RegisteredVote, message: z.string(), replayed: z.boolean() });
export type RegisterVoteResponse = z.infer<typeof RegisterVoteResponse>;

export const CancelVoteInput = z.strictObject({ reason: z.string().trim().min(3, 'Skriv en grunn.').max(500) });
export type CancelVoteInput = z.infer<typeof CancelVoteInput>;

/** The board's decision on received votes (prøving), the same for all listed; a rejection needs its ground. */
export const VoteDecisionInput = z
  .strictObject({
    voteIds: z.array(z.uuid()).min(1).max(500),
    decision: z.enum(['approve', 'reject']),
    ground: RejectionGround.nullable().default(null),
  })
  .refine((d) => d.decision === 'approve' || d.ground !== null, { path: ['ground'], message: 'Velg grunnen til forkastelsen.' })
  .refine((d) => new Set(d.voteIds).size === d.voteIds.length, { path: ['voteIds'], message: 'Samme stemmegivning er valgt to ganger.' });
export type VoteDecisionInput = z.infer<typeof VoteDecisionInput>;

export const ReviewQuery = z.strictObject({ reason: EnvelopeReason.optional() });
export type ReviewQuery = z.infer<typeof ReviewQuery>;

/** A vote as the board sees it: whose it is, where and by whom it was taken, and the voter's other votes. */
export const ReviewVote = RegisteredVote.extend({
  personalNumberMasked: z.string(),
  voterName: z.string().nullable(),
  voterMunicipalityNumber: z.string().nullable(),
  clerkName: z.string(),
  decidedAt: z.string().nullable(),
  otherVotes: z.array(RegisteredVote),
});
export type ReviewVote = z.infer<typeof ReviewVote>;
export const ReviewVoteList = z.object({ items: z.array(ReviewVote) });
export type ReviewVoteList = z.infer<typeof ReviewVoteList>;

/** Search votes by the voter's personal number or name (the board cancelling a registration). */
export const VoteSearchQuery = z.strictObject({ q: z.string().trim().min(2, 'Skriv minst to tegn.').max(200) });
export type VoteSearchQuery = z.infer<typeof VoteSearchQuery>;

export const UndoVoteInput = CancelVoteInput;
export type UndoVoteInput = CancelVoteInput;

export const RollImportReport = z.object({
  jobId: z.string().nullable(),
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), message: z.string() })),
  rejectedCount: z.number().int(),
  message: z.string(),
});
export type RollImportReport = z.infer<typeof RollImportReport>;

export const DayCount = z.object({
  date: z.iso.date(),
  votingPlace: z.string(),
  kind: VoteKind,
  received: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
  envelopes: z.number().int(),
});
export const VotesReport = z.object({
  days: z.array(DayCount),
  /** Rejected votes by ground, cancelled ones by their reason. */
  rejected: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Votes waiting for the board, by envelope reason. */
  awaiting: z.array(z.object({ reason: EnvelopeReason, count: z.number().int() })),
  envelopesByMunicipality: z.array(z.object({ municipalityNumber: z.string(), count: z.number().int() })),
  todayAtPlace: z.number().int().optional(),
});
export type VotesReport = z.infer<typeof VotesReport>;

// Envelopes to and from other municipalities, the board's record, retention, the counter's figures (issue 12).

const municipalityNumber = z.string().regex(/^\d{4}$/, 'Kommunenummer har fire siffer.');
const municipalityName = z.string().trim().min(1, 'Skriv navnet på kommunen.').max(200);
const envelopeSerial = z.string().trim().min(1, 'Skriv konvoluttnummeret.').max(40);

/** An envelope of votes sent to the voters' municipality, with the votes in it. */
export const SentEnvelopeInput = z
  .strictObject({
    toMunicipalityNumber: municipalityNumber,
    toMunicipalityName: municipalityName,
    serial: envelopeSerial,
    sentOn: isoDate,
    voteIds: z.array(z.uuid()).max(500).default([]),
  })
  .refine((e) => new Set(e.voteIds).size === e.voteIds.length, { path: ['voteIds'], message: 'Samme stemmegivning er valgt to ganger.' });
export type SentEnvelopeInput = z.infer<typeof SentEnvelopeInput>;
export const SentEnvelope = z.object({
  id: z.uuid(),
  toMunicipalityNumber: z.string(),
  toMunicipalityName: z.string(),
  serial: z.string(),
  sentOn: z.iso.date(),
  sentBy: z.string(),
  voteIds: z.array(z.uuid()),
});
export type SentEnvelope = z.infer<typeof SentEnvelope>;

/** An envelope with a vote of one of our voters, received from another municipality. */
export const ReceivedEnvelopeInput = z.strictObject({
  fromMunicipalityNumber: municipalityNumber,
  fromMunicipalityName: municipalityName,
  serial: envelopeSerial,
  /** When it arrived; now if not given. Never in the future. */
  arrivedAt: z.iso.datetime({ offset: true, error: 'Ugyldig tidspunkt.' }).nullable().default(null),
  /** The voter, as written on the envelope, if known. */
  personalNumber: z.string().regex(/^\d{11}$/, 'Fødselsnummer har 11 siffer.').nullable().default(null),
});
export type ReceivedEnvelopeInput = z.infer<typeof ReceivedEnvelopeInput>;
export const RECEIVED_ENVELOPE_STATUSES = ['received', 'approved', 'rejected'] as const;
export const ReceivedEnvelope = z.object({
  id: z.uuid(),
  fromMunicipalityNumber: z.string(),
  fromMunicipalityName: z.string(),
  serial: z.string(),
  arrivedAt: z.string(),
  /** Arrived after kl. 17 the day after election day: cannot be approved. */
  late: z.boolean(),
  receivedBy: z.string(),
  voterMasked: z.string().nullable(),
  status: z.enum(RECEIVED_ENVELOPE_STATUSES),
  rejectGround: RejectionGround.nullable(),
});
export type ReceivedEnvelope = z.infer<typeof ReceivedEnvelope>;

/** The register of envelopes: the deadline, the envelopes sent and received, and the votes still to send. */
export const EnvelopeRegister = z.object({
  /** kl. 17 the day after election day, as an instant. */
  deadline: z.string(),
  sent: z.array(SentEnvelope),
  received: z.array(ReceivedEnvelope),
  /** Votes of other municipalities' voters, received here and not yet in a sent envelope. */
  unsent: z.array(z.object({ id: z.uuid(), voterMunicipalityNumber: z.string().nullable(), castAt: z.string(), envelopeSerial: z.string().nullable() })),
});
export type EnvelopeRegister = z.infer<typeof EnvelopeRegister>;

/** The board's prøving of a received envelope; a rejection needs its ground. */
export const EnvelopeDecisionInput = z
  .strictObject({ decision: z.enum(['approve', 'reject']), ground: RejectionGround.nullable().default(null) })
  .refine((d) => d.decision === 'approve' || d.ground !== null, { path: ['ground'], message: 'Velg grunnen til forkastelsen.' });
export type EnvelopeDecisionInput = z.infer<typeof EnvelopeDecisionInput>;

/** Per election: the written standard of the board's record and how long the roll is kept. */
export const ElectionSettingsInput = z.strictObject({
  /** Null: the municipality's written standard (its settings). */
  recordLanguage: z.enum(['nb', 'nn']).nullable(),
  /** Months after election day; null for the default. */
  retentionMonths: z.number().int().min(0).max(120).nullable(),
});
export type ElectionSettingsInput = z.infer<typeof ElectionSettingsInput>;
export const ElectionSettings = ElectionSettingsInput.extend({
  /** The written standard the record is made in: the election's, else the municipality's. */
  recordLanguageInEffect: z.enum(['nb', 'nn']),
  defaultRetentionMonths: z.number().int(),
  /** The day the roll and personal numbers are deleted. */
  purgeFrom: z.iso.date(),
  purgedAt: z.string().nullable(),
});
export type ElectionSettings = z.infer<typeof ElectionSettings>;

export const BoardRecordQuery = z.strictObject({ language: z.enum(['nb', 'nn']).optional() });
export type BoardRecordQuery = z.infer<typeof BoardRecordQuery>;

/** The counter's figures: votes taken at a voting place on a day, in all and per hour (Oslo time). */
export const PlaceCountsQuery = z.strictObject({ date: isoDate.optional() });
export type PlaceCountsQuery = z.infer<typeof PlaceCountsQuery>;
export const PlaceCounts = z.object({
  date: z.iso.date(),
  votingPlace: z.string(),
  /** Registrations not cancelled: approved at once and received in envelopes. */
  total: z.number().int(),
  approved: z.number().int(),
  received: z.number().int(),
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), count: z.number().int() })),
});
export type PlaceCounts = z.infer<typeof PlaceCounts>;
