import { z } from 'zod';

export const BODY_KINDS = [
  'kommunestyre',
  'formannskap',
  'utvalg',
  'kontrollutvalg',
  'eldreraad',
  'funksjonsnedsettelse',
  'ungdomsraad',
  'valgstyre',
  'valgutvalg',
  'annet',
] as const;
export const BodyKind = z.enum(BODY_KINDS);
export type BodyKind = z.infer<typeof BodyKind>;

export const MEMBER_ROLES = ['leader', 'deputy_leader', 'member'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

/** per_list: each list's substitutes in elected order (numerisk/nummerert per liste); common: one ranked list. */
export const SUBSTITUTE_ORDERS = ['per_list', 'common'] as const;
export const SubstituteOrder = z.enum(SUBSTITUTE_ORDERS);
export type SubstituteOrder = z.infer<typeof SubstituteOrder>;

export const BodySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: BodyKind,
  seats: z.number().int(),
  termFrom: z.iso.date(),
  termTo: z.iso.date(),
  memberCount: z.number().int(),
});
export type BodySummary = z.infer<typeof BodySummary>;

export const BodyListResponse = z.object({ items: z.array(BodySummary) });
export type BodyListResponse = z.infer<typeof BodyListResponse>;

export const MemberRow = z.object({
  membershipId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  party: z.string().nullable(),
  role: MemberRole,
  from: z.iso.date(),
  to: z.iso.date().nullable(),
  /** Only for signed-in staff; null for the public. */
  email: z.string().nullable(),
});
export type MemberRow = z.infer<typeof MemberRow>;

export const SubstituteRow = MemberRow.extend({ rank: z.number().int().min(1) });
export type SubstituteRow = z.infer<typeof SubstituteRow>;

export const BodyDetail = BodySummary.extend({
  /** How substitutes are numbered: per list (1, 2 … within each list) or one common list. */
  substituteOrder: SubstituteOrder,
  members: z.array(MemberRow),
  substitutes: z.array(SubstituteRow),
});
export type BodyDetail = z.infer<typeof BodyDetail>;
