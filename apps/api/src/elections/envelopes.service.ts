import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  checkPersonalNumber,
  REJECTION_GROUND_TEXT,
  type EnvelopeDecisionInput,
  type EnvelopeRegister,
  type ReceivedEnvelope as ReceivedEnvelopeDto,
  type ReceivedEnvelopeInput,
  type SentEnvelope as SentEnvelopeDto,
  type SentEnvelopeInput,
} from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { maskPersonalNumber } from '../common/personal-number.js';
import { currentScope } from '../core/tenant.js';
import { CLOCK, type Clock } from './clock.js';
import { Election } from './election.entity.js';
import { approving, voterAlreadyApproved } from './one-approved.js';
import { arrivalDeadline, isLate } from './rules/deadline.js';

interface SentRow {
  id: string;
  to_municipality_number: string;
  to_municipality_name: string;
  serial: string;
  sent_on: string;
  sent_by_name: string;
  vote_ids: string[] | null;
}

interface ReceivedRow {
  id: string;
  from_municipality_number: string;
  from_municipality_name: string;
  serial: string;
  arrived_at: Date;
  late: boolean;
  received_by_name: string;
  personal_number: string | null;
  status: ReceivedEnvelopeDto['status'];
  reject_ground: ReceivedEnvelopeDto['rejectGround'];
}

const SENT_SELECT = `select s.id, s.to_municipality_number, s.to_municipality_name, s.serial, s.sent_on::text, s.sent_by_name,
       (select array_agg(v.vote_id order by v.vote_id) from sent_envelope_vote v where v.envelope_id = s.id) as vote_ids
  from sent_envelope s`;
const RECEIVED_SELECT = `select id, from_municipality_number, from_municipality_name, serial, arrived_at, late, received_by_name, personal_number, status, reject_ground from received_envelope`;

function toSent(r: SentRow): SentEnvelopeDto {
  return { id: r.id, toMunicipalityNumber: r.to_municipality_number, toMunicipalityName: r.to_municipality_name, serial: r.serial, sentOn: r.sent_on, sentBy: r.sent_by_name, voteIds: r.vote_ids ?? [] };
}

function toReceived(r: ReceivedRow): ReceivedEnvelopeDto {
  return {
    id: r.id,
    fromMunicipalityNumber: r.from_municipality_number,
    fromMunicipalityName: r.from_municipality_name,
    serial: r.serial,
    arrivedAt: new Date(r.arrived_at).toISOString(),
    late: r.late,
    receivedBy: r.received_by_name,
    voterMasked: r.personal_number ? maskPersonalNumber(r.personal_number) : null,
    status: r.status,
    rejectGround: r.reject_ground,
  };
}

/**
 * The register of envelopes to and from other municipalities (domain.md §2.2): a vote of another
 * municipality's voter is taken in an omslagskonvolutt and sent to that municipality; envelopes
 * with votes of our voters arrive from others and must be received by kl. 17 the day after
 * election day (rules/deadline.ts). A late envelope is registered and marked late; the board can
 * only reject it (ground "late"), which the database also enforces. One serial per municipality
 * and direction (unique constraints); a vote is sent once.
 */
@Injectable()
export class EnvelopesService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private async election(id: string): Promise<Election> {
    const e = await this.em.findOne(Election, id);
    if (!e) throw new NotFoundError('valget');
    return e;
  }

  async register(electionId: string): Promise<EnvelopeRegister> {
    const election = await this.election(electionId);
    const sent = await this.em.execute<SentRow[]>(`${SENT_SELECT} where s.election_id = ? order by s.sent_on, s.to_municipality_number, s.serial`, [election.id]);
    const received = await this.em.execute<ReceivedRow[]>(`${RECEIVED_SELECT} where election_id = ? order by arrived_at, from_municipality_number, serial`, [election.id]);
    const unsent = await this.em.execute<{ id: string; voter_municipality_number: string | null; cast_at: Date; envelope_serial: string | null }[]>(
      `select a.id, a.voter_municipality_number, a.cast_at, a.envelope_serial from advance_vote a
       where a.election_id = ? and a.envelope_reason = 'other_municipality' and a.status <> 'cancelled'
         and not exists (select 1 from sent_envelope_vote s where s.vote_id = a.id)
       order by a.voter_municipality_number, a.cast_at limit 500`,
      [election.id],
    );
    return {
      deadline: arrivalDeadline(election.electionDay).toISOString(),
      sent: sent.map(toSent),
      received: received.map(toReceived),
      unsent: unsent.map((u) => ({ id: u.id, voterMunicipalityNumber: u.voter_municipality_number, castAt: new Date(u.cast_at).toISOString(), envelopeSerial: u.envelope_serial })),
    };
  }

  async send(electionId: string, input: SentEnvelopeInput, by: { id: string; name: string }): Promise<SentEnvelopeDto> {
    const election = await this.election(electionId);
    const scope = currentScope();
    if (input.voteIds.length > 0) {
      const votes = await this.em.execute<{ id: string; voter_municipality_number: string | null; envelope_reason: string | null; status: string }[]>(
        `select id, voter_municipality_number, envelope_reason, status from advance_vote where election_id = ? and id in (${input.voteIds.map(() => '?').join(',')})`,
        [election.id, ...input.voteIds],
      );
      if (votes.length !== input.voteIds.length) throw new NotFoundError('stemmegivningen');
      const wrong = votes.filter((v) => v.status === 'cancelled' || v.envelope_reason !== 'other_municipality' || v.voter_municipality_number !== input.toMunicipalityNumber);
      if (wrong.length > 0) {
        throw new DomainError('VOTE_NOT_FOR_MUNICIPALITY', `Bare stemmegivninger fra velgere i kommune ${input.toMunicipalityNumber}, tatt i omslagskonvolutt og ikke annullert, kan sendes dit.`, 409,
          wrong.map((w) => ({ path: `voteIds.${input.voteIds.indexOf(w.id)}`, message: 'Hører ikke til denne kommunen.' })));
      }
    }
    const inserted = await this.em.execute<{ id: string }[]>(
      `insert into sent_envelope (id, municipality_id, election_id, to_municipality_number, to_municipality_name, serial, sent_on, sent_by, sent_by_name)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict on constraint sent_envelope_serial_unique do nothing returning id`,
      [scope.municipalityId, election.id, input.toMunicipalityNumber, input.toMunicipalityName, input.serial, input.sentOn, by.id, by.name],
    );
    const id = inserted[0]?.id;
    if (!id) {
      throw new DomainError('ENVELOPE_SERIAL_TAKEN', `Konvolutt nummer ${input.serial} til kommune ${input.toMunicipalityNumber} er allerede registrert.`, 409, [{ path: 'serial', message: 'Allerede registrert.' }]);
    }
    if (input.voteIds.length > 0) {
      const linked = await this.em.execute<{ vote_id: string }[]>(
        `insert into sent_envelope_vote (id, municipality_id, envelope_id, vote_id)
         select gen_random_uuid(), ?, ?, v from unnest(?::uuid[]) as v
         on conflict (vote_id) do nothing returning vote_id`,
        [scope.municipalityId, id, `{${input.voteIds.join(',')}}`],
      );
      if (linked.length !== input.voteIds.length) {
        // Rolled back with the request's transaction: nothing is written.
        throw new DomainError('VOTE_ALREADY_SENT', 'En av stemmegivningene er allerede sendt i en annen konvolutt.', 409, [{ path: 'voteIds', message: 'Allerede sendt.' }]);
      }
    }
    this.audit.record({ action: 'envelope.send', entityType: 'sent_envelope', entityId: id, after: { election: election.id, ...input } });
    return toSent((await this.em.execute<SentRow[]>(`${SENT_SELECT} where s.id = ?`, [id]))[0]!);
  }

  async receive(electionId: string, input: ReceivedEnvelopeInput, by: { id: string; name: string }): Promise<ReceivedEnvelopeDto> {
    const election = await this.election(electionId);
    const scope = currentScope();
    const now = this.clock.now();
    const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
    if (arrivedAt.getTime() > now.getTime() + 60_000) {
      throw new DomainError('ARRIVAL_IN_FUTURE', 'Ankomsttidspunktet kan ikke være fram i tid.', 400, [{ path: 'arrivedAt', message: 'Fram i tid.' }]);
    }
    if (input.personalNumber) {
      const check = checkPersonalNumber(input.personalNumber);
      if (!check.valid) throw new DomainError('INVALID_PERSONAL_NUMBER', check.reason ?? 'Ugyldig fødselsnummer.', 400, [{ path: 'personalNumber', message: check.reason ?? '' }]);
    }
    const late = isLate(election.electionDay, arrivedAt);
    const inserted = await this.em.execute<{ id: string }[]>(
      `insert into received_envelope (id, municipality_id, election_id, from_municipality_number, from_municipality_name, serial, arrived_at, late, received_by, received_by_name, personal_number)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict on constraint received_envelope_serial_unique do nothing returning id`,
      [scope.municipalityId, election.id, input.fromMunicipalityNumber, input.fromMunicipalityName, input.serial, arrivedAt, late, by.id, by.name, input.personalNumber],
    );
    const id = inserted[0]?.id;
    if (!id) {
      throw new DomainError('ENVELOPE_SERIAL_TAKEN', `Konvolutt nummer ${input.serial} fra kommune ${input.fromMunicipalityNumber} er allerede registrert.`, 409, [{ path: 'serial', message: 'Allerede registrert.' }]);
    }
    this.audit.record({
      action: 'envelope.receive', entityType: 'received_envelope', entityId: id,
      after: { election: election.id, from: input.fromMunicipalityNumber, serial: input.serial, arrivedAt: arrivedAt.toISOString(), late, voter: input.personalNumber ? maskPersonalNumber(input.personalNumber) : null },
    });
    return toReceived((await this.em.execute<ReceivedRow[]>(`${RECEIVED_SELECT} where id = ?`, [id]))[0]!);
  }

  /** The board's prøving of a received envelope: a late one can only be rejected, with the ground "late". */
  async decide(electionId: string, envelopeId: string, input: EnvelopeDecisionInput, by: { id: string }): Promise<ReceivedEnvelopeDto> {
    const row = (await this.em.execute<ReceivedRow[]>(`${RECEIVED_SELECT} where election_id = ? and id = ? for update`, [electionId, envelopeId]))[0];
    if (!row) throw new NotFoundError('konvolutten');
    if (row.status !== 'received') throw new DomainError('VOTE_ALREADY_DECIDED', 'Konvolutten er allerede prøvd.', 409);
    if (row.late && input.decision === 'approve') {
      throw new DomainError('ENVELOPE_LATE', `Konvolutten kom inn etter fristen (kl. 17 dagen etter valgdagen) og kan ikke godkjennes. Forkast den med grunnen «${REJECTION_GROUND_TEXT.late}».`, 409);
    }
    if (row.late && input.ground !== 'late') {
      throw new DomainError('ENVELOPE_LATE', `Konvolutten kom inn etter fristen. Grunnen er «${REJECTION_GROUND_TEXT.late}».`, 409, [{ path: 'ground', message: REJECTION_GROUND_TEXT.late }]);
    }
    if (input.decision === 'approve' && row.personal_number) {
      const [other] = await this.em.execute<{ n: number }[]>(
        `select (select count(*) from advance_vote where election_id = ? and personal_number = ? and status = 'approved')
              + (select count(*) from received_envelope where election_id = ? and personal_number = ? and status = 'approved')::int as n`,
        [electionId, row.personal_number, electionId, row.personal_number],
      );
      if (Number(other?.n ?? 0) > 0) throw voterAlreadyApproved('envelope');
    }
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await approving('envelope', () => this.em.execute(`update received_envelope set status = ?, reject_ground = ?, decided_at = ?, decided_by = ? where id = ?`, [status, input.decision === 'approve' ? null : input.ground, this.clock.now(), by.id, envelopeId]));
    this.audit.record({ action: `envelope.${input.decision}`, entityType: 'received_envelope', entityId: envelopeId, before: { status: row.status }, after: { status, ground: input.ground } });
    return toReceived((await this.em.execute<ReceivedRow[]>(`${RECEIVED_SELECT} where id = ?`, [envelopeId]))[0]!);
  }
}
