import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { GrantRates as GrantRatesInput, GrantsResponse } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Body } from './body.entity.js';
import { activeOn, today } from '../core/dates.js';
import { GrantRates } from './grant-rates.entity.js';
import { Membership } from './membership.entity.js';

/** Defaults until the municipality sets its own rates (NOK per year; a setting, not law). */
const DEFAULT_RATES = { groupBase: 10_000, perSeat: 5_000, leaderFee: 30_000, deputyLeaderFee: 15_000, memberFee: 5_000 };

const ROLE_LABEL = { leader: 'leder', deputy_leader: 'nestleder', member: 'medlem' } as const;

/**
 * Party group grants (partiloven § 10 (2): support to the groups in the kommunestyre in
 * proportion to their seats, with a flat part allowed) and fixed annual remuneration per role
 * (koml. ch. 8, by the municipality's own forskrift). A basic calculation for the budget.
 */
@Injectable()
export class GrantsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async rates(year: number): Promise<GrantRatesInput> {
    const r = await this.em.findOne(GrantRates, { year });
    if (!r) return { year, ...DEFAULT_RATES };
    return {
      year,
      groupBase: Number(r.groupBase),
      perSeat: Number(r.perSeat),
      leaderFee: Number(r.leaderFee),
      deputyLeaderFee: Number(r.deputyLeaderFee),
      memberFee: Number(r.memberFee),
    };
  }

  async setRates(input: GrantRatesInput, municipalityId: string): Promise<GrantRatesInput> {
    const before = await this.rates(input.year);
    const values = {
      groupBase: input.groupBase.toFixed(2),
      perSeat: input.perSeat.toFixed(2),
      leaderFee: input.leaderFee.toFixed(2),
      deputyLeaderFee: input.deputyLeaderFee.toFixed(2),
      memberFee: input.memberFee.toFixed(2),
    };
    const existing = await this.em.findOne(GrantRates, { year: input.year });
    if (existing) this.em.assign(existing, values);
    else this.em.create(GrantRates, { municipality: municipalityId, year: input.year, ...values });
    this.audit.record({ action: 'grants.rates', entityType: 'grant_rates', entityId: String(input.year), before, after: input });
    await this.em.flush();
    return this.rates(input.year);
  }

  async calculate(year: number): Promise<GrantsResponse> {
    const rates = await this.rates(year);
    // The composition on this day: today in the current year, else the year's last or first day.
    const now = today();
    const current = Number(now.slice(0, 4));
    const on = year === current ? now : year < current ? `${year}-12-31` : `${year}-01-01`;
    const active = activeOn(on);
    const council = await this.em.findOne(Body, { kind: 'kommunestyre', termFrom: { $lte: on }, termTo: { $gte: on } });
    const seats = council
      ? await this.em.find(Membership, { body: council, kind: 'member', ...active }, { populate: ['party'] })
      : [];
    const byParty = new Map<string, { party: string; partyName: string; seats: number }>();
    for (const m of seats) {
      const p = m.party?.getEntity();
      const k = p?.shortName ?? 'uten parti';
      const row = byParty.get(k) ?? { party: k, partyName: p?.name ?? 'Uten parti', seats: 0 };
      row.seats++;
      byParty.set(k, row);
    }
    const groups = [...byParty.values()]
      .sort((a, b) => b.seats - a.seats || a.party.localeCompare(b.party, 'nb'))
      .map((g) => ({ ...g, base: rates.groupBase, perSeat: g.seats * rates.perSeat, total: rates.groupBase + g.seats * rates.perSeat }));

    const memberships = await this.em.find(Membership, { kind: 'member', ...active }, { populate: ['person', 'party', 'body'] });
    const people = new Map<string, { personId: string; name: string; party: string | null; roles: string[]; total: number }>();
    for (const m of memberships) {
      const fee = m.role === 'leader' ? rates.leaderFee : m.role === 'deputy_leader' ? rates.deputyLeaderFee : rates.memberFee;
      const person = m.person.getEntity();
      const row = people.get(person.id) ?? { personId: person.id, name: person.fullName(), party: m.party?.getEntity().shortName ?? null, roles: [], total: 0 };
      row.roles.push(`${ROLE_LABEL[m.role]}, ${m.body.getEntity().name}`);
      row.total += fee;
      people.set(person.id, row);
    }
    const remuneration = [...people.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'nb'));
    return {
      rates,
      groups,
      groupsTotal: groups.reduce((s, g) => s + g.total, 0),
      remuneration,
      remunerationTotal: remuneration.reduce((s, r) => s + r.total, 0),
    };
  }
}
