import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type {
  BodyOverview,
  EndMembershipInput,
  HistoryResponse,
  LeaveInput,
  MembershipInput,
  SubstituteProposal,
  SubstituteProposalQuery,
} from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { Body } from './body.entity.js';
import { today } from '../core/dates.js';
import { Membership } from './membership.entity.js';
import { MembershipLeave } from './membership-leave.entity.js';
import { Party } from './party.entity.js';
import { Person } from './person.entity.js';
import { composition, covers, overlaps, rankProblems } from './rules/composition.js';
import { seatHolders, sits } from './seat-holders.js';
import { genderBalance, genderRuleFor } from './rules/gender-balance.js';
import { proposeSubstitute, type UnavailableReason } from './rules/substitutes.js';

const FOR_GOOD = new Set(['released', 'resigned', 'moved', 'deceased']);

/** Memberships with their history, leave and release, and who is called in (koml. §§ 7-9, 7-10). */
@Injectable()
export class MembershipsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Locks the body row: changes to one body's seats are made one at a time. */
  private async lockBody(id: string): Promise<Body> {
    const body = await this.em.findOne(Body, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!body) throw new NotFoundError('organet');
    return body;
  }

  async add(bodyId: string, input: MembershipInput, municipalityId: string): Promise<{ membershipId: string }> {
    const body = await this.lockBody(bodyId);
    const person = await this.em.findOne(Person, input.personId);
    if (!person) throw new DomainError('UNKNOWN_PERSON', 'Ukjent person.', 400, [{ path: 'personId', message: 'Finnes ikke.' }]);
    const party = input.partyId ? await this.em.findOne(Party, input.partyId) : null;
    if (input.partyId && !party) throw new DomainError('UNKNOWN_PARTY', 'Ukjent parti.', 400, [{ path: 'partyId', message: 'Finnes ikke.' }]);
    if (input.from < body.termFrom || (input.to ?? body.termTo) > body.termTo) {
      throw new DomainError('OUTSIDE_TERM', `Perioden må ligge innenfor valgperioden ${body.termFrom}–${body.termTo}.`, 400, [
        { path: 'from', message: 'Utenfor valgperioden.' },
      ]);
    }
    const existing = await this.em.find(Membership, { body }, { populate: ['party', 'person'] });
    const clash = existing.find((m) => m.person.id === person.id && overlaps(m, input));
    if (clash) {
      throw new DomainError(
        'MEMBERSHIP_OVERLAP',
        `${person.fullName()} har allerede en plass i ${body.name} i perioden ${clash.from}–${clash.to ?? ''}.`,
        409,
        [{ path: 'from', message: 'Overlapper en annen plass.' }],
      );
    }
    if (input.kind === 'member') {
      const seated = existing.filter((m) => m.kind === 'member' && covers(m, input.from)).length;
      if (seated >= body.seats) {
        throw new DomainError('BODY_FULL', `${body.name} har ${body.seats} seter, og alle er besatt ${input.from}.`, 409);
      }
    } else {
      const list = body.substituteOrder === 'common' ? '' : (party?.id ?? '');
      const sameList = existing.filter(
        (m) => m.kind === 'substitute' && covers(m, input.from) && (body.substituteOrder === 'common' || (m.party?.id ?? '') === list),
      );
      const problems = rankProblems([...sameList.map((m) => ({ list: 'x', rank: m.rank ?? 0 })), { list: 'x', rank: input.rank ?? 0 }]);
      if (problems.length) {
        const listName = body.substituteOrder === 'common' ? 'organet' : (party?.shortName ?? 'uten parti');
        throw new DomainError('RANK_GAP', problems.map((p) => p.replace('Varalista for x', `Varalista for ${listName}`)).join(' '), 400, [
          { path: 'rank', message: `Neste ledige nummer er ${sameList.length + 1}.` },
        ]);
      }
    }
    const membership = this.em.create(Membership, {
      municipality: municipalityId,
      body,
      person,
      party,
      kind: input.kind,
      role: input.role,
      rank: input.rank,
      from: input.from,
      to: input.to,
    });
    this.audit.record({ action: 'membership.create', entityType: 'membership', entityId: membership.id, after: { bodyId, ...input } });
    await this.em.flush();
    return { membershipId: membership.id };
  }

  /** Ends a membership; a member who leaves for good gets the next substitute proposed to move up. */
  async end(membershipId: string, input: EndMembershipInput): Promise<{ prompt: string | null }> {
    const found = await this.em.findOne(Membership, membershipId, { populate: ['person', 'party'] });
    if (!found) throw new NotFoundError('medlemskapet');
    const body = await this.lockBody(found.body.id);
    const m = await this.em.findOneOrFail(Membership, membershipId, { refresh: true, populate: ['person', 'party'] });
    if (input.to < m.from) {
      throw new DomainError('END_BEFORE_START', 'Slutt kan ikke være før start.', 400, [{ path: 'to', message: `Start er ${m.from}.` }]);
    }
    if (m.to !== null && m.to < input.to) {
      throw new DomainError('ALREADY_ENDED', `Medlemskapet sluttet allerede ${m.to}.`, 409);
    }
    const before = { to: m.to, endReason: m.endReason };
    m.to = input.to;
    m.endReason = input.reason;
    m.decisionRef = input.decisionRef;
    this.audit.record({ action: 'membership.end', entityType: 'membership', entityId: m.id, before, after: input });
    await this.em.flush();
    if (m.kind !== 'member' || !FOR_GOOD.has(input.reason)) return { prompt: null };
    const proposal = await this.propose(body, m.person.id, input.to);
    return {
      prompt: `${m.person.getEntity().fullName()} går ut av ${body.name}. ${proposal.explanation} Husk å velge nytt varamedlem (supplering, kommuneloven § 7-10).`,
    };
  }

  async addLeave(membershipId: string, input: LeaveInput, municipalityId: string): Promise<{ leaveId: string }> {
    const found = await this.em.findOne(Membership, membershipId);
    if (!found) throw new NotFoundError('medlemskapet');
    await this.lockBody(found.body.id);
    const m = await this.em.findOneOrFail(Membership, membershipId, { populate: ['leaves'], refresh: true });
    if (input.from < m.from || (m.to !== null && (input.to ?? '9999-12-31') > m.to)) {
      throw new DomainError('OUTSIDE_MEMBERSHIP', `Permisjonen må ligge innenfor medlemskapet (${m.from}–${m.to ?? ''}).`, 400, [
        { path: 'from', message: 'Utenfor medlemskapet.' },
      ]);
    }
    if (m.leaves.getItems().some((l) => overlaps(l, input))) {
      throw new DomainError('LEAVE_OVERLAP', 'Perioden overlapper en annen permisjon eller et annet fritak.', 409, [
        { path: 'from', message: 'Overlapper.' },
      ]);
    }
    const leave = this.em.create(MembershipLeave, { municipality: municipalityId, membership: m, ...input });
    this.audit.record({ action: 'membership.leave', entityType: 'membership', entityId: m.id, after: input });
    await this.em.flush();
    return { leaveId: leave.id };
  }

  async history(bodyId: string): Promise<HistoryResponse> {
    const body = await this.em.findOne(Body, bodyId);
    if (!body) throw new NotFoundError('organet');
    const rows = await this.em.find(Membership, { body }, { populate: ['person', 'party', 'leaves'], orderBy: { from: 'desc' } });
    return {
      items: rows.map((m) => ({
        membershipId: m.id,
        personId: m.person.id,
        name: m.person.getEntity().fullName(),
        party: m.party?.getEntity().shortName ?? null,
        kind: m.kind,
        role: m.role,
        rank: m.rank,
        from: m.from,
        to: m.to,
        endReason: m.endReason,
        leaves: m.leaves.getItems().map((l) => ({ id: l.id, kind: l.kind, from: l.from, to: l.to, reason: l.reason, decisionRef: l.decisionRef })),
      })),
    };
  }

  /** Those who sit in the body on `day` (members and acting substitutes, seat_holders), with their work e-mail where known. For notices. */
  async sittingContacts(bodyId: string, day: string): Promise<Array<{ personId: string; name: string; email: string | null }>> {
    const sitting = (await seatHolders(this.em, bodyId, day)).filter(sits);
    const byPerson = new Map(sitting.map((h) => [h.personId, { personId: h.personId, name: h.name, email: h.email }]));
    return [...byPerson.values()];
  }

  async overview(bodyId: string, day = today()): Promise<BodyOverview> {
    const body = await this.em.findOne(Body, bodyId);
    if (!body) throw new NotFoundError('organet');
    const holders = await seatHolders(this.em, body.id, day);
    const c = composition(holders, body.substituteOrder);
    const rule = genderRuleFor(body.kind);
    // Elected places only (members and substitutes as elected): who moves up for a period does not count.
    const balance = genderBalance(
      holders.map((h) => ({ kind: h.kind, list: h.listKey, listName: h.listName, gender: h.gender })),
      { method: body.electionMethod, rule },
    );
    return {
      id: body.id,
      nameNn: body.nameNn,
      parentId: body.parent?.id ?? null,
      delegation: body.delegation,
      electionMethod: body.electionMethod,
      substituteOrder: body.substituteOrder,
      isPublic: body.isPublic,
      genderBalance: { applies: rule, ...balance },
      actingMembers: c.acting.map((a) => ({
        personId: a.seat.personId,
        name: a.seat.name,
        forPersonId: a.forSeat.personId,
        forName: a.forSeat.name,
        explanation: a.explanation,
      })),
      warnings: c.warnings,
    };
  }

  async proposal(bodyId: string, query: SubstituteProposalQuery): Promise<SubstituteProposal> {
    const body = await this.em.findOne(Body, bodyId);
    if (!body) throw new NotFoundError('organet');
    return this.propose(body, query.personId, query.date ?? today(), query.unavailable);
  }

  /**
   * The next substitute for an absent member (or acting substitute), skipping those who sit (moved
   * up, seat_holders), were called in, or are away.
   */
  private async propose(body: Body, absentPersonId: string, day: string, alsoUnavailable: string[] = []): Promise<SubstituteProposal> {
    const holders = await seatHolders(this.em, body.id, day);
    const absent = holders.find((h) => h.personId === absentPersonId && sits(h));
    const history = absent ? null : await this.em.findOne(Membership, { body, person: absentPersonId, kind: 'member' }, { populate: ['party'], orderBy: { from: 'desc' } });
    const listKey = absent?.listKey ?? (history ? (history.party?.id ?? `person:${absentPersonId}`) : null);
    if (!listKey) throw new DomainError('NOT_A_MEMBER', 'Personen er ikke medlem av organet.', 400, [{ path: 'personId', message: 'Ikke medlem.' }]);
    const listName = absent?.listName ?? history?.party?.getEntity().shortName ?? 'uten parti';
    const unavailable = new Map<string, UnavailableReason>();
    for (const h of holders) if (h.kind === 'substitute' && h.seat !== 'substitute') unavailable.set(h.personId, h.seat === 'away' ? 'on_leave' : 'present');
    for (const id of alsoUnavailable) unavailable.set(id, 'absent');
    const result = proposeSubstitute({
      absentMemberList: listKey,
      listName,
      substitutes: holders
        .filter((h) => h.kind === 'substitute')
        .map((h) => ({ personId: h.personId, name: h.name, list: h.listKey, rank: h.rank ?? 0 })),
      unavailable,
      order: body.substituteOrder,
    });
    return {
      substitute: result.substitute,
      skipped: result.skipped.map((s) => ({ personId: s.candidate.personId, name: s.candidate.name, rank: s.candidate.rank, reason: s.reason })),
      explanation: result.explanation,
    };
  }
}
