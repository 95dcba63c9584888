import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Election as ElectionDto, ElectionInput, VotingPlace as VotingPlaceDto, VotingPlaceInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../auth/user.entity.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { CLOCK, osloDateTime, type Clock } from './clock.js';
import { Election } from './election.entity.js';
import { votingPeriods, weekday } from './rules/voting-periods.js';
import { VotingPlace, VotingPlaceStaff, type OpeningHour } from './voting-place.entity.js';

const NATIONAL = new Set(['stortingsvalg', 'kommunestyre_fylkesting', 'sametingsvalg']);

export function isOpen(hours: readonly OpeningHour[], at: Date): boolean {
  const { date, time } = osloDateTime(at);
  return hours.some((h) => h.date === date && h.from <= time && time < h.to);
}

/** Elections and their voting places with staff. */
@Injectable()
export class ElectionsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(input: ElectionInput, municipalityId: string): Promise<ElectionDto> {
    if (NATIONAL.has(input.type) && weekday(input.electionDay) !== 1) {
      throw new DomainError('ELECTION_DAY_NOT_MONDAY', 'Valgdagen for stortings-, kommunestyre- og sametingsvalg er en mandag.', 400, [
        { path: 'electionDay', message: 'Velg en mandag.' },
      ]);
    }
    const national = NATIONAL.has(input.type);
    if (national && input.advanceFrom) {
      throw new DomainError('FIXED_PERIODS', 'Forhåndsstemmeperioden for stortings-, kommunestyre- og sametingsvalg er fastsatt i valgloven.', 400, [
        { path: 'advanceFrom', message: 'Kan ikke endres for dette valget.' },
      ]);
    }
    const legal = votingPeriods(input.electionDay);
    // A municipality's own election with its own period has no early voting before it.
    const periods = input.advanceFrom && input.advanceTo
      ? { earlyFrom: input.advanceFrom, earlyTo: input.advanceFrom, advanceFrom: input.advanceFrom, advanceTo: input.advanceTo }
      : legal;
    const election = this.em.create(Election, {
      municipality: municipalityId,
      name: input.name,
      type: input.type,
      electionDay: input.electionDay,
      ...periods,
      legalRecord: !national,
    });
    this.audit.record({ action: 'election.create', entityType: 'election', entityId: election.id, after: { ...input, ...periods } });
    await this.em.flush();
    return this.toDto(election, 0);
  }

  async list(): Promise<ElectionDto[]> {
    const rows = await this.em.find(Election, {}, { orderBy: { electionDay: 'desc' } });
    const sizes = await this.em.execute<{ election_id: string; n: number }[]>(
      'select election_id, count(*)::int as n from roll_voter group by election_id',
    );
    const size = new Map(sizes.map((s) => [s.election_id, s.n]));
    return rows.map((e) => this.toDto(e, size.get(e.id) ?? 0));
  }

  async get(id: string): Promise<Election> {
    const e = await this.em.findOne(Election, id);
    if (!e) throw new NotFoundError('valget');
    return e;
  }

  toDto(e: Election, rollSize: number): ElectionDto {
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      electionDay: e.electionDay,
      earlyFrom: e.earlyFrom,
      earlyTo: e.earlyTo,
      advanceFrom: e.advanceFrom,
      advanceTo: e.advanceTo,
      legalRecord: e.legalRecord,
      rollSize,
    };
  }

  async createPlace(electionId: string, input: VotingPlaceInput, municipalityId: string): Promise<VotingPlaceDto> {
    const election = await this.get(electionId);
    for (const h of input.openingHours) {
      if (h.to <= h.from) throw new DomainError('INVALID_OPENING_HOURS', `Åpningstiden ${h.date} slutter før den begynner.`, 400, [{ path: 'openingHours', message: 'Sjekk tidene.' }]);
    }
    const place = this.em.create(VotingPlace, { municipality: municipalityId, election, name: input.name, address: input.address, openingHours: input.openingHours });
    const users = input.staff.length ? await this.em.find(User, { username: { $in: input.staff.map((s) => s.toLowerCase()) } }) : [];
    const unknown = input.staff.filter((s) => !users.some((u) => u.username === s.toLowerCase()));
    if (unknown.length) throw new DomainError('UNKNOWN_USER', `Ukjente brukere: ${unknown.join(', ')}.`, 400, [{ path: 'staff', message: 'Finnes ikke.' }]);
    for (const user of users) this.em.create(VotingPlaceStaff, { municipality: municipalityId, votingPlace: place, user });
    this.audit.record({ action: 'voting_place.create', entityType: 'voting_place', entityId: place.id, after: input });
    await this.em.flush();
    return { id: place.id, name: place.name, address: place.address, openingHours: place.openingHours, staff: users.map((u) => u.username), openNow: isOpen(place.openingHours, this.clock.now()) };
  }

  async places(electionId: string): Promise<VotingPlaceDto[]> {
    const election = await this.get(electionId);
    const places = await this.em.find(VotingPlace, { election }, { orderBy: { name: 'asc' } });
    const staff = await this.em.find(VotingPlaceStaff, { votingPlace: { $in: places } }, { populate: ['user'] });
    const now = this.clock.now();
    return places.map((p) => ({
      id: p.id,
      name: p.name,
      address: p.address,
      openingHours: p.openingHours,
      staff: staff.filter((s) => s.votingPlace.id === p.id).map((s) => s.user.getEntity().username),
      openNow: isOpen(p.openingHours, now),
    }));
  }
}
