import type { BodyDetail, BodySummary, MemberRow, SubstituteRow } from '@sekretariat/contracts';
import type { Body } from './body.entity.js';
import type { Membership } from './membership.entity.js';

export function toBodySummary(body: Body, memberCount: number): BodySummary {
  return {
    id: body.id,
    name: body.name,
    kind: body.kind,
    seats: body.seats,
    termFrom: body.termFrom,
    termTo: body.termTo,
    memberCount,
  };
}

/** Contact data only for signed-in staff. */
export function toMemberRow(m: Membership, withContact: boolean): MemberRow {
  const person = m.person.getEntity();
  return {
    membershipId: m.id,
    personId: person.id,
    name: person.fullName(),
    party: m.party?.getEntity().shortName ?? null,
    role: m.role,
    from: m.from,
    to: m.to,
    email: withContact ? person.email : null,
  };
}

export function toBodyDetail(body: Body, memberships: Membership[], withContact: boolean): BodyDetail {
  const members = memberships.filter((m) => m.kind === 'member');
  const substitutes: SubstituteRow[] = memberships
    .filter((m) => m.kind === 'substitute')
    .sort(
      (a, b) =>
        (body.substituteOrder === 'common'
          ? 0
          : (a.party?.getEntity().shortName ?? '').localeCompare(b.party?.getEntity().shortName ?? '', 'nb')) ||
        (a.rank ?? 0) - (b.rank ?? 0),
    )
    .map((m) => ({ ...toMemberRow(m, withContact), rank: m.rank ?? 0 }));
  return {
    ...toBodySummary(body, members.length),
    substituteOrder: body.substituteOrder,
    members: members.map((m) => toMemberRow(m, withContact)),
    substitutes,
  };
}
