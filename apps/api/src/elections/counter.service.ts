import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LookupQuery, LookupResponse, RegisteredVote, RegisterVoteInput, RegisterVoteResponse, VoterMatch } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { checkPersonalNumber, maskPersonalNumber } from '../common/personal-number.js';
import { currentScope } from '../database/tenant.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { CLOCK, osloDateTime, type Clock } from './clock.js';
import { Election } from './election.entity.js';
import { isOpen } from './elections.service.js';
import { outcomeWithoutWrite } from './rules/multiple-votes.js';
import { periodOn } from './rules/voting-periods.js';
import type { OpeningHour } from './voting-place.entity.js';

interface VoterRow {
  personal_number: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  municipality_number: string;
  district: string;
}

interface PlaceRow {
  early_from: string;
  early_to: string;
  advance_from: string;
  advance_to: string;
  name: string | null;
  opening_hours: OpeningHour[];
  assigned: boolean;
}

interface VoteRow {
  id: string;
  cast_at: Date;
  voting_place: string;
  municipality: string;
  kind: RegisteredVote['kind'];
  status: RegisteredVote['status'];
  envelope_serial: string | null;
  personal_number: string;
}

const VOTE_SELECT = `select v.id, v.cast_at, p.name as voting_place, m.name as municipality, v.kind, v.status, v.envelope_serial, v.personal_number
  from advance_vote v join voting_place p on p.id = v.voting_place_id join municipality m on m.id = v.municipality_id`;

function toVote(r: VoteRow): RegisteredVote {
  return {
    id: r.id,
    castAt: new Date(r.cast_at).toISOString(),
    votingPlace: r.voting_place,
    municipality: r.municipality,
    kind: r.kind,
    status: r.status,
    envelopeSerial: r.envelope_serial,
  };
}

function describe(v: RegisteredVote): string {
  const { date, time } = osloDateTime(new Date(v.castAt));
  return `${date.split('-').reverse().join('.')} kl. ${time} på ${v.votingPlace}`;
}

/**
 * The counter: look a voter up in the roll and register the advance vote. The database
 * guarantees at most one counted vote per voter and election (partial unique index), so two
 * clerks, a double click or a retried request can never count a vote twice.
 */
@Injectable()
export class CounterService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  private async election(id: string): Promise<Election> {
    const e = await this.em.findOne(Election, id);
    if (!e) throw new NotFoundError('valget');
    return e;
  }

  async lookup(electionId: string, query: LookupQuery): Promise<LookupResponse> {
    const election = await this.election(electionId);
    let voters: VoterRow[];
    if (query.personalNumber) {
      const check = checkPersonalNumber(query.personalNumber);
      if (!check.valid) {
        throw new DomainError('INVALID_PERSONAL_NUMBER', check.reason ?? 'Ugyldig fødselsnummer.', 400, [{ path: 'personalNumber', message: check.reason ?? '' }]);
      }
      voters = await this.em.execute<VoterRow[]>(
        'select personal_number, given_name, family_name, birth_date::text, municipality_number, district from roll_voter where election_id = ? and personal_number = ?',
        [election.id, query.personalNumber.replace(/\s/g, '')],
      );
    } else {
      voters = await this.em.execute<VoterRow[]>(
        `select personal_number, given_name, family_name, birth_date::text, municipality_number, district from roll_voter
         where election_id = ? and birth_date = ? and lower(given_name || ' ' || family_name) like ? order by family_name, given_name limit 20`,
        [election.id, query.birthDate, `%${query.name!.toLowerCase().replace(/[%_\\]/g, '')}%`],
      );
    }
    if (voters.length === 0) {
      return { status: 'not_in_roll', message: 'Velgeren står ikke i manntallet for dette valget.', matches: [] };
    }
    const own = (await this.municipalities.byId(currentScope().municipalityId)).number;
    const votes = await this.em.execute<VoteRow[]>(
      `${VOTE_SELECT} where v.election_id = ? and v.personal_number in (${voters.map(() => '?').join(',')}) and v.status = 'counted'`,
      [election.id, ...voters.map((v) => v.personal_number)],
    );
    const period = periodOn(election, osloDateTime(this.clock.now()).date);
    const matches: VoterMatch[] = voters.map((v) => {
      const vote = votes.find((x) => x.personal_number === v.personal_number);
      const belongs = v.municipality_number === own ? 'own' : 'other';
      return {
        personalNumberMasked: maskPersonalNumber(v.personal_number),
        name: `${v.given_name} ${v.family_name}`,
        birthDate: v.birth_date,
        municipalityNumber: v.municipality_number,
        district: v.district,
        belongs,
        kind: period,
        envelope: period === 'early' || belongs === 'other',
        existingVote: vote ? toVote(vote) : null,
      };
    });
    if (matches.length > 1) return { status: 'several', message: `${matches.length} velgere passer. Spør etter fødselsnummer.`, matches };
    const m = matches[0]!;
    if (m.existingVote) {
      return { status: 'already_voted', message: `Har allerede forhåndsstemt ${describe(m.existingVote)}.`, matches };
    }
    return {
      status: 'found',
      message: m.belongs === 'own' ? 'Velger i egen kommune: stemmeseddelen legges rett i urnen.' : `Velger fra kommune ${m.municipalityNumber}: stemmeseddelen legges i omslagskonvolutt.`,
      matches,
    };
  }

  async register(electionId: string, input: RegisterVoteInput, clerk: { id: string; name: string }): Promise<RegisterVoteResponse> {
    const scope = currentScope();
    const now = this.clock.now();
    const { date } = osloDateTime(now);

    // One query for the election, the place, and whether the clerk works there.
    const ctx = (await this.em.execute<PlaceRow[]>(
      `select e.early_from::text, e.early_to::text, e.advance_from::text, e.advance_to::text, p.name, p.opening_hours,
              exists (select 1 from voting_place_staff s where s.voting_place_id = p.id and s.user_id = ?) as assigned
       from election e left join voting_place p on p.election_id = e.id and p.id = ? where e.id = ?`,
      [clerk.id, input.votingPlaceId, electionId],
    ))[0];
    if (!ctx) throw new NotFoundError('valget');
    if (!ctx.name) throw new DomainError('UNKNOWN_VOTING_PLACE', 'Ukjent stemmested for dette valget.', 400, [{ path: 'votingPlaceId', message: 'Finnes ikke.' }]);
    const periods = { earlyFrom: ctx.early_from, earlyTo: ctx.early_to, advanceFrom: ctx.advance_from, advanceTo: ctx.advance_to };
    if (!ctx.assigned) throw new DomainError('CLERK_NOT_ASSIGNED', `Du er ikke satt opp som stemmemottaker på ${ctx.name}.`, 403);
    if (!isOpen(ctx.opening_hours, now)) throw new DomainError('VOTING_PLACE_CLOSED', `${ctx.name} er stengt nå. Stemmer kan bare tas imot i åpningstiden.`, 409);
    const period = periodOn(periods, date);
    if (!period) {
      throw new DomainError('OUTSIDE_VOTING_PERIOD', `Forhåndsstemmer tas imot fra ${periods.earlyFrom} (tidligstemmer) og ${periods.advanceFrom}–${periods.advanceTo}.`, 409);
    }
    const municipality = await this.municipalities.byId(scope.municipalityId);

    // One statement registers the vote and its audit entry, or nothing when the voter is not in the
    // roll or already has a counted vote (the partial unique index decides, under any concurrency).
    const inserted = (await this.em.execute<{ id: string; envelope: boolean }[]>(
      `with voter as (
         select personal_number, municipality_number from roll_voter where election_id = ? and personal_number = ?
       ), vote as (
         insert into advance_vote (id, municipality_id, election_id, personal_number, voter_municipality_number, voting_place_id, clerk_id, cast_at, kind, envelope, envelope_serial, status, idempotency_key)
         select gen_random_uuid(), ?, ?, personal_number, municipality_number, ?, ?, ?, ?, (? = 'early' or municipality_number <> ?), ?, 'counted', ? from voter
         on conflict do nothing returning id, envelope, kind
       ), audit as (
         insert into audit_log (municipality_id, actor_id, actor_name, action, entity_type, entity_id, after, request_id)
         select ?, ?, ?, 'vote.register', 'advance_vote', id::text,
                jsonb_build_object('election', ?::text, 'votingPlace', ?::text, 'kind', kind, 'envelope', envelope, 'envelopeSerial', ?::text, 'voter', ?::text), ?
         from vote
       )
       select id, envelope from vote`,
      [
        electionId, input.personalNumber,
        scope.municipalityId, electionId, input.votingPlaceId, clerk.id, now, period, period, municipality.number, input.envelopeSerial, input.idempotencyKey,
        scope.municipalityId, clerk.id, clerk.name, electionId, input.votingPlaceId, input.envelopeSerial, maskPersonalNumber(input.personalNumber), scope.requestId ?? null,
      ],
    ))[0];
    if (inserted) {
      return {
        vote: { id: inserted.id, castAt: now.toISOString(), votingPlace: ctx.name, municipality: municipality.name, kind: period, status: 'counted', envelopeSerial: input.envelopeSerial },
        replayed: false,
        message: inserted.envelope ? 'Registrert. Legg stemmeseddelen i omslagskonvolutt.' : 'Registrert. Stemmeseddelen legges i urnen, og velgeren er krysset av i manntallet.',
      };
    }
    // Nothing written: a retried request, a voter not in the roll, or one who has voted.
    const same = (await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.municipality_id = ? and v.idempotency_key = ?`, [scope.municipalityId, input.idempotencyKey]))[0];
    const existing = same ? undefined : (await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.election_id = ? and v.personal_number = ? and v.status = 'counted'`, [electionId, input.personalNumber]))[0];
    switch (outcomeWithoutWrite({ sameAttempt: same ? { personalNumber: same.personal_number } : null, personalNumber: input.personalNumber, counted: !!existing })) {
      case 'replay':
        return { vote: toVote(same!), replayed: true, message: 'Allerede registrert (samme forespørsel sendt på nytt).' };
      case 'idempotency_key_reused':
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'Denne forespørselen er allerede brukt for en annen velger.', 409);
      case 'already_voted':
        throw new DomainError('ALREADY_VOTED', `Velgeren har allerede forhåndsstemt ${describe(toVote(existing!))}.`, 409);
      case 'not_in_roll':
        throw new DomainError('VOTER_NOT_IN_ROLL', 'Velgeren står ikke i manntallet for dette valget.', 404);
    }
  }

  /** Only the election board, with a reason. The vote is kept, marked cancelled. */
  async cancel(voteId: string, reason: string, by: { id: string }): Promise<RegisteredVote> {
    const rows = await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.id = ? for update of v`, [voteId]);
    const row = rows[0];
    if (!row) throw new NotFoundError('stemmegivningen');
    if (row.status !== 'counted') throw new DomainError('NOT_COUNTED', 'Bare en godkjent stemmegivning kan annulleres.', 409);
    await this.em.execute(`update advance_vote set status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ? where id = ?`, [this.clock.now(), by.id, reason, voteId]);
    this.audit.record({ action: 'vote.cancel', entityType: 'advance_vote', entityId: voteId, before: { status: 'counted' }, after: { status: 'cancelled', reason } });
    return { ...toVote(row), status: 'cancelled' };
  }
}
