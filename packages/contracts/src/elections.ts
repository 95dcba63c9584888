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

export const RegisteredVote = z.object({
  id: z.uuid(),
  castAt: z.string(),
  votingPlace: z.string(),
  municipality: z.string(),
  kind: VoteKind,
  status: z.enum(['counted', 'rejected', 'cancelled']),
  envelopeSerial: z.string().nullable(),
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
export const LookupResponse = z.object({
  status: z.enum(['found', 'not_in_roll', 'already_voted', 'several']),
  message: z.string(),
  matches: z.array(VoterMatch),
});
export type LookupResponse = z.infer<typeof LookupResponse>;

export const RegisterVoteInput = z.strictObject({
  personalNumber: z.string().regex(/^\d{11}$/, 'Fødselsnummer har 11 siffer.'),
  votingPlaceId: z.uuid(),
  identityChecked: z.literal(true, { error: 'Bekreft at legitimasjonen er kontrollert.' }),
  envelopeSerial: z.string().trim().max(40).nullable().default(null),
  /** From the client, once per attempt: a retried or double-clicked request registers once. */
  idempotencyKey: z.string().min(8).max(100),
});
export type RegisterVoteInput = z.infer<typeof RegisterVoteInput>;

export const RegisterVoteResponse = z.object({ vote: RegisteredVote, message: z.string(), replayed: z.boolean() });
export type RegisterVoteResponse = z.infer<typeof RegisterVoteResponse>;

export const CancelVoteInput = z.strictObject({ reason: z.string().trim().min(3, 'Skriv en grunn.').max(500) });

export const RollImportReport = z.object({
  jobId: z.string().nullable(),
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), message: z.string() })),
  rejectedCount: z.number().int(),
  message: z.string(),
});
export type RollImportReport = z.infer<typeof RollImportReport>;

export const DayCount = z.object({ date: z.iso.date(), votingPlace: z.string(), kind: VoteKind, counted: z.number().int(), rejected: z.number().int(), envelopes: z.number().int() });
export const VotesReport = z.object({
  days: z.array(DayCount),
  rejected: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  envelopesByMunicipality: z.array(z.object({ municipalityNumber: z.string(), count: z.number().int() })),
  todayAtPlace: z.number().int().optional(),
});
export type VotesReport = z.infer<typeof VotesReport>;
