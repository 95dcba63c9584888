import { z } from 'zod';
import { BodyKind, MemberRole, SubstituteOrder } from './bodies.js';

/** The register of bodies (issue 4): people, parties, memberships, leave, import, grants. */

const date = z.iso.date({ error: 'Ugyldig dato: bruk formatet ÅÅÅÅ-MM-DD.' });
const trimmed = (max: number, label: string) =>
  z.string().trim().min(1, `${label} mangler.`).max(max, `${label} er for langt (høyst ${max} tegn).`);

export const GENDERS = ['female', 'male', 'other'] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;

export const ELECTION_METHODS = ['forholdsvalg', 'avtalevalg', 'flertallsvalg', 'oppnevnt'] as const;
export const ElectionMethod = z.enum(ELECTION_METHODS);
export type ElectionMethod = z.infer<typeof ElectionMethod>;


export const BodyInput = z
  .strictObject({
    name: trimmed(200, 'Navn'),
    nameNn: z.string().trim().max(200).nullable().default(null),
    kind: BodyKind,
    seats: z.number().int().min(1, 'Et organ har minst ett sete.').max(101),
    parentId: z.uuid().nullable().default(null),
    termFrom: date,
    termTo: date,
    delegation: z.string().max(20_000).default(''),
    electionMethod: ElectionMethod.default('forholdsvalg'),
    substituteOrder: SubstituteOrder.default('per_list'),
    isPublic: z.boolean().default(true),
  })
  .refine((b) => b.termTo >= b.termFrom, { path: ['termTo'], message: 'Perioden kan ikke slutte før den begynner.' });
export type BodyInput = z.infer<typeof BodyInput>;

export const PartyInput = z.strictObject({
  name: trimmed(200, 'Navn'),
  shortName: trimmed(20, 'Forkortelse'),
});
export type PartyInput = z.infer<typeof PartyInput>;

export const PartyRow = z.object({ id: z.uuid(), name: z.string(), shortName: z.string() });
export type PartyRow = z.infer<typeof PartyRow>;
export const PartyListResponse = z.object({ items: z.array(PartyRow) });

export const PersonInput = z.strictObject({
  givenName: trimmed(100, 'Fornavn'),
  familyName: trimmed(100, 'Etternavn'),
  gender: Gender,
  partyId: z.uuid().nullable().default(null),
  email: z.email({ error: 'Ugyldig e-postadresse.' }).max(200).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  /** Optional; must pass the checksum; stored, never shown unmasked. */
  personalNumber: z.string().regex(/^\d{11}$/, 'Fødselsnummer har 11 siffer.').nullable().default(null),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const MembershipKind = z.enum(['member', 'substitute']);
export type MembershipKind = z.infer<typeof MembershipKind>;

export const MembershipInput = z
  .strictObject({
    personId: z.uuid(),
    partyId: z.uuid().nullable().default(null),
    kind: MembershipKind,
    role: MemberRole.default('member'),
    rank: z.number().int().min(1).nullable().default(null),
    from: date,
    to: date.nullable().default(null),
  })
  .refine((m) => !m.to || m.to >= m.from, { path: ['to'], message: 'Slutt kan ikke være før start.' })
  .refine((m) => (m.kind === 'substitute') === (m.rank !== null), {
    path: ['rank'],
    message: 'Varamedlemmer har et nummer; medlemmer har ikke.',
  });
export type MembershipInput = z.infer<typeof MembershipInput>;

export const END_REASONS = ['term_end', 'released', 'resigned', 'moved', 'deceased', 'replaced', 'other'] as const;
export const EndMembershipInput = z.strictObject({
  to: date,
  reason: z.enum(END_REASONS),
  decisionRef: z.string().trim().max(50).nullable().default(null),
});
export type EndMembershipInput = z.infer<typeof EndMembershipInput>;

/** permisjon (leave, for a period) or fritak (release; permanent when `to` is null), koml. § 7-9. */
export const LEAVE_KINDS = ['leave', 'release'] as const;
export const LeaveInput = z
  .strictObject({
    kind: z.enum(LEAVE_KINDS),
    from: date,
    to: date.nullable().default(null),
    reason: trimmed(500, 'Grunn'),
    decisionRef: z.string().trim().max(50).nullable().default(null),
  })
  .refine((l) => !l.to || l.to >= l.from, { path: ['to'], message: 'Slutt kan ikke være før start.' })
  .refine((l) => l.kind === 'release' || l.to !== null, { path: ['to'], message: 'Permisjon må ha en sluttdato.' });
export type LeaveInput = z.infer<typeof LeaveInput>;

export const LeaveRow = z.object({
  id: z.uuid(),
  kind: z.enum(LEAVE_KINDS),
  from: z.iso.date(),
  to: z.iso.date().nullable(),
  reason: z.string(),
  decisionRef: z.string().nullable(),
});
export type LeaveRow = z.infer<typeof LeaveRow>;

export const HistoryRow = z.object({
  membershipId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  party: z.string().nullable(),
  kind: MembershipKind,
  role: MemberRole,
  rank: z.number().int().nullable(),
  from: z.iso.date(),
  to: z.iso.date().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  leaves: z.array(LeaveRow),
});
export type HistoryRow = z.infer<typeof HistoryRow>;
export const HistoryResponse = z.object({ items: z.array(HistoryRow) });
export type HistoryResponse = z.infer<typeof HistoryResponse>;

/** GENDER_BALANCE_MET or _SHORT (koml. § 7-6), with the numbers: the web says it in the user's language. */
export const GENDER_CHECK_CODES = ['GENDER_BALANCE_MET', 'GENDER_BALANCE_SHORT'] as const;
export const GenderCheck = z.object({
  /** Stable key: `member`, `substitute`, or with `:<list>` per list. */
  group: z.string(),
  code: z.enum(GENDER_CHECK_CODES),
  kind: z.enum(['member', 'substitute']),
  /** The list's name under forholdsvalg; null for the whole body. */
  list: z.string().nullable(),
  total: z.number().int(),
  female: z.number().int(),
  male: z.number().int(),
  required: z.number().int(),
  ok: z.boolean(),
});
export const GenderBalance = z.object({ applies: z.enum(['required', 'as_far_as_possible', 'not_applicable']), ok: z.boolean(), checks: z.array(GenderCheck) });
export type GenderBalance = z.infer<typeof GenderBalance>;

export const SubstituteProposalQuery = z.strictObject({
  personId: z.uuid(),
  date: date.optional(),
  /** Persons who cannot come besides those the register knows of (comma separated ids). */
  unavailable: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : []))
    .pipe(z.array(z.uuid())),
});
export type SubstituteProposalQuery = z.infer<typeof SubstituteProposalQuery>;

export const SubstituteProposal = z.object({
  substitute: z.object({ personId: z.uuid(), name: z.string(), list: z.string(), rank: z.number().int() }).nullable(),
  skipped: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      rank: z.number().int(),
      reason: z.enum(['present', 'called_in', 'absent', 'disqualified', 'on_leave', 'declined']),
    }),
  ),
  explanation: z.string(),
});
export type SubstituteProposal = z.infer<typeof SubstituteProposal>;

export const PersonRole = z.object({
  membershipId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  kind: MembershipKind,
  role: MemberRole,
  rank: z.number().int().nullable(),
  party: z.string().nullable(),
  from: z.iso.date(),
  to: z.iso.date().nullable(),
  current: z.boolean(),
});
export const PersonDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  gender: Gender,
  party: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Masked (first six digits); null when none is stored or for the public. */
  personalNumberMasked: z.string().nullable(),
  roles: z.array(PersonRole),
});
export type PersonDetail = z.infer<typeof PersonDetail>;
export const PersonSummary = z.object({ id: z.uuid(), name: z.string(), party: z.string().nullable() });
export const PersonListResponse = z.object({ items: z.array(PersonSummary) });

export const ImportProblem = z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;
export const ImportReport = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  rows: z.number().int(),
  problems: z.array(ImportProblem),
  summary: z.object({ people: z.number().int(), memberships: z.number().int(), bodies: z.array(z.string()) }),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') });

export const GrantRates = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** NOK per group per year (flat part; partiloven § 10 (2): at most a small share). */
  groupBase: z.number().min(0).max(10_000_000),
  /** NOK per seat in the kommunestyre per year. */
  perSeat: z.number().min(0).max(10_000_000),
  /** Fixed annual remuneration (NOK) per role, for every body. */
  leaderFee: z.number().min(0).max(10_000_000),
  deputyLeaderFee: z.number().min(0).max(10_000_000),
  memberFee: z.number().min(0).max(10_000_000),
});
export type GrantRates = z.infer<typeof GrantRates>;
export const GrantRow = z.object({ party: z.string(), partyName: z.string(), seats: z.number().int(), base: z.number(), perSeat: z.number(), total: z.number() });
export const RemunerationRow = z.object({ personId: z.uuid(), name: z.string(), party: z.string().nullable(), roles: z.array(z.string()), total: z.number() });
export const GrantsResponse = z.object({
  rates: GrantRates,
  groups: z.array(GrantRow),
  groupsTotal: z.number(),
  remuneration: z.array(RemunerationRow),
  remunerationTotal: z.number(),
});
export type GrantsResponse = z.infer<typeof GrantsResponse>;

export const BodyOverview = z.object({
  id: z.uuid(),
  nameNn: z.string().nullable(),
  parentId: z.uuid().nullable(),
  delegation: z.string(),
  electionMethod: ElectionMethod,
  substituteOrder: SubstituteOrder,
  isPublic: z.boolean(),
  genderBalance: GenderBalance,
  /** Members moved up for a member on leave, with why. */
  actingMembers: z.array(z.object({ personId: z.uuid(), name: z.string(), forPersonId: z.uuid(), forName: z.string(), explanation: z.string() })),
  /** Lists whose substitutes are too few: the council should elect more (supplering, koml. § 7-10 (6)). */
  warnings: z.array(z.string()),
});
export type BodyOverview = z.infer<typeof BodyOverview>;

/** Popolo (popoloproject.com) open data: organizations, persons, memberships, posts. */
export const PopoloOrganization = z.object({
  id: z.string(),
  name: z.string(),
  classification: z.string(),
  parent_id: z.string().nullable(),
  founding_date: z.string(),
  dissolution_date: z.string(),
});
/** Name only: the public gets name, party and role (domain.md, GDPR). */
export const PopoloPerson = z.object({ id: z.string(), name: z.string(), given_name: z.string(), family_name: z.string() });
export const PopoloResponse = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), licence: z.string() });
export const PopoloMembership = z.object({
  id: z.string(),
  person_id: z.string(),
  organization_id: z.string(),
  on_behalf_of_id: z.string().nullable(),
  role: z.string(),
  label: z.string(),
  start_date: z.string(),
  end_date: z.string().nullable(),
});
export const PopoloPost = z.object({ id: z.string(), organization_id: z.string(), label: z.string(), role: z.string() });
export const PopoloParty = z.object({ id: z.string(), name: z.string(), classification: z.literal('party') });
