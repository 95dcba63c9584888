import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { checkPersonalNumber, type PartyInput, type PartyRow, type PersonDetail, type PersonInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { maskPersonalNumber } from '../common/personal-number.js';
import { today } from '../core/dates.js';
import { covers } from './rules/composition.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';
import { Person } from './person.entity.js';

/** Elected officials and the parties and lists they were elected from. */
@Injectable()
export class PeopleService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async parties(): Promise<PartyRow[]> {
    const rows = await this.em.find(Party, {}, { orderBy: { shortName: 'asc' } });
    return rows.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName }));
  }

  async createParty(input: PartyInput, municipalityId: string): Promise<PartyRow> {
    if (await this.em.count(Party, { shortName: input.shortName })) {
      throw new DomainError('PARTY_EXISTS', `Det finnes allerede et parti med forkortelsen ${input.shortName}.`, 409, [
        { path: 'shortName', message: 'Finnes fra før.' },
      ]);
    }
    const party = this.em.create(Party, { municipality: municipalityId, ...input });
    this.audit.record({ action: 'party.create', entityType: 'party', entityId: party.id, after: input });
    await this.em.flush();
    return { id: party.id, name: party.name, shortName: party.shortName };
  }

  async list(): Promise<{ id: string; name: string; party: string | null }[]> {
    const rows = await this.em.find(Person, {}, { populate: ['party'], orderBy: { familyName: 'asc', givenName: 'asc' } });
    return rows.map((p) => ({ id: p.id, name: p.fullName(), party: p.party?.getEntity().shortName ?? null }));
  }

  async create(input: PersonInput, municipalityId: string): Promise<PersonDetail> {
    const party = input.partyId ? await this.partyOrFail(input.partyId) : null;
    validatePersonalNumber(input.personalNumber);
    const person = this.em.create(Person, {
      municipality: municipalityId,
      givenName: input.givenName,
      familyName: input.familyName,
      gender: input.gender,
      party,
      email: input.email,
      phone: input.phone,
      personalNumber: input.personalNumber,
    });
    this.audit.record({ action: 'person.create', entityType: 'person', entityId: person.id, after: auditView(person) });
    await this.em.flush();
    return this.detail(person.id, { withContact: true });
  }

  async update(id: string, input: PersonInput): Promise<PersonDetail> {
    const person = await this.em.findOne(Person, id);
    if (!person) throw new NotFoundError('personen');
    validatePersonalNumber(input.personalNumber);
    const before = auditView(person);
    const party = input.partyId ? await this.partyOrFail(input.partyId) : null;
    const { partyId: _partyId, ...fields } = input;
    this.em.assign(person, { ...fields, party, personalNumber: input.personalNumber ?? person.personalNumber });
    this.audit.record({ action: 'person.update', entityType: 'person', entityId: id, before, after: auditView(person) });
    await this.em.flush();
    return this.detail(id, { withContact: true });
  }

  /** An official's page: every role they hold or have held. */
  async detail(id: string, options: { withContact: boolean }): Promise<PersonDetail> {
    const person = await this.em.findOne(Person, id, { populate: ['party'] });
    if (!person) throw new NotFoundError('personen');
    const memberships = await this.em.find(Membership, { person }, { populate: ['body', 'party'], orderBy: { from: 'desc' } });
    const day = today();
    return {
      id: person.id,
      name: person.fullName(),
      givenName: person.givenName,
      familyName: person.familyName,
      gender: person.gender,
      party: person.party?.getEntity().shortName ?? null,
      email: options.withContact ? person.email : null,
      phone: options.withContact ? person.phone : null,
      personalNumberMasked: options.withContact && person.personalNumber ? maskPersonalNumber(person.personalNumber) : null,
      roles: memberships.map((m) => ({
        membershipId: m.id,
        bodyId: m.body.id,
        bodyName: m.body.getEntity().name,
        kind: m.kind,
        role: m.role,
        rank: m.rank,
        party: m.party?.getEntity().shortName ?? null,
        from: m.from,
        to: m.to,
        current: covers(m, day),
      })),
    };
  }

  private async partyOrFail(id: string): Promise<Party> {
    const party = await this.em.findOne(Party, id);
    if (!party) throw new DomainError('UNKNOWN_PARTY', 'Ukjent parti.', 400, [{ path: 'partyId', message: 'Finnes ikke.' }]);
    return party;
  }
}

function validatePersonalNumber(value: string | null): void {
  if (!value) return;
  const check = checkPersonalNumber(value);
  if (!check.valid) {
    throw new DomainError('INVALID_PERSONAL_NUMBER', check.reason ?? 'Ugyldig fødselsnummer.', 400, [
      { path: 'personalNumber', message: check.reason ?? 'Ugyldig.' },
    ]);
  }
}

/** What the audit log keeps of a person: no personal number, only whether one is stored. */
function auditView(p: Person): Record<string, unknown> {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    gender: p.gender,
    party: p.party?.id ?? null,
    email: p.email,
    phone: p.phone,
    hasPersonalNumber: !!p.personalNumber,
  };
}
