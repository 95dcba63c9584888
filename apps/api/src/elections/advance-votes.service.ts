import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  checkPersonalNumber,
  REJECTION_GROUND_TEXT,
  type EnvelopeReason,
  type LookupQuery,
  type LookupResponse,
  type RegisteredVote,
  type RegisterVoteInput,
  type RegisterVoteResponse,
  type ReviewQuery,
  type ReviewVoteList,
  type VoteDecisionInput,
  type VoterMatch,
  type VoteSearchQuery,
} from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { maskPersonalNumber } from '../common/personal-number.js';
import { currentScope } from '../core/tenant.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { CLOCK, osloDateTime, type Clock } from './clock.js';
import { Election } from './election.entity.js';
import { isOpen } from './elections.service.js';
import { envelopeReason, initialStatus, nextStepFor } from './rules/envelope.js';
import { approving, voterAlreadyApproved } from './one-approved.js';
import { sameKeyOutcome } from './rules/multiple-votes.js';
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
  envelope_reason: RegisteredVote['envelopeReason'];
  reject_ground: RegisteredVote['rejectGround'];
  personal_number: string;
  clerk_id: string;
  clerk_name: string | null;
  voter_name: string | null;
  voter_municipality_number: string | null;
  decided_at: Date | null;
  created_at: Date;
}

const VOTE_SELECT = `select v.id, v.cast_at, p.name as voting_place, m.name as municipality, v.kind, v.status, v.envelope_serial, v.envelope_reason,
       v.reject_ground, v.personal_number, v.clerk_id, u.display_name as clerk_name, v.voter_municipality_number, v.decided_at, v.created_at,
       (select r.given_name || ' ' || r.family_name from roll_voter r where r.election_id = v.election_id and r.personal_number = v.personal_number) as voter_name
  from advance_vote v join voting_place p on p.id = v.voting_place_id join municipality m on m.id = v.municipality_id left join app_user u on u.id = v.clerk_id`;

function toVote(r: VoteRow): RegisteredVote {
  return {
    id: r.id,
    castAt: new Date(r.cast_at).toISOString(),
    votingPlace: r.voting_place,
    municipality: r.municipality,
    kind: r.kind,
    status: r.status,
    envelopeSerial: r.envelope_serial,
    envelopeReason: r.envelope_reason,
    rejectGround: r.reject_ground,
  };
}

function describe(v: RegisteredVote): string {
  const { date, time } = osloDateTime(new Date(v.castAt));
  return `${date.split('-').reverse().join('.')} kl. ${time} på ${v.votingPlace}`;
}

/** How long a clerk may undo their own registration at the desk (as VxPollBook's undo). */
export const UNDO_MINUTES = 5;

const RECEIVED_MESSAGE: Record<EnvelopeReason, string> = {
  other_municipality: 'Velgeren hører til en annen kommune',
  already_voted: 'Velgeren har allerede en godkjent stemmegivning',
  not_in_roll: 'Velgeren står ikke i manntallet',
  identity_doubt: 'Det er tvil om identiteten',
  early_vote: 'Tidligstemme',
};

/**
 * The advance-voting desk: look a voter up in the roll and receive the vote. A voter is never
 * turned away: a plain vote of the own municipality's voter who has not voted goes into the
 * ballot box, approved at once; every other case is received in a special envelope for the
 * election board to decide (rules/envelope.ts). The database guarantees at most one approved
 * vote per voter and election (partial unique index), so two clerks, a double click or a retried
 * request never approve a voter twice: the second becomes an envelope vote for the board.
 */
@Injectable()
export class AdvanceVoteService {
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
      validPersonalNumber(query.personalNumber);
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
    const period = periodOn(election, osloDateTime(this.clock.now()).date) ?? 'ordinary';
    if (voters.length === 0) {
      const step = nextStepFor('not_in_roll');
      return {
        status: 'not_in_roll',
        message: 'Velgeren står ikke i manntallet for dette valget. Ta imot stemmen i omslagskonvolutt; valgstyret prøver den.',
        matches: [],
        nextStep: query.personalNumber ? step : null,
      };
    }
    const own = (await this.municipalities.byId(currentScope().municipalityId)).number;
    const votes = await this.em.execute<VoteRow[]>(
      `${VOTE_SELECT} where v.election_id = ? and v.personal_number in (${voters.map(() => '?').join(',')}) and v.status = 'approved'`,
      [election.id, ...voters.map((v) => v.personal_number)],
    );
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
        envelope: envelopeReason({ inRoll: true, own: belongs === 'own', period, hasApproved: !!vote, identityDoubt: false }) !== null,
        existingVote: vote ? toVote(vote) : null,
      };
    });
    if (matches.length > 1) return { status: 'several', message: `${matches.length} velgere passer. Spør etter fødselsnummer.`, matches, nextStep: null };
    const m = matches[0]!;
    const reason = envelopeReason({ inRoll: true, own: m.belongs === 'own', period, hasApproved: !!m.existingVote, identityDoubt: false });
    const step = nextStepFor(reason);
    if (m.existingVote) {
      return { status: 'already_voted', message: `Har allerede forhåndsstemt ${describe(m.existingVote)}. Ta imot stemmen i omslagskonvolutt; valgstyret prøver den.`, matches, nextStep: step };
    }
    return {
      status: 'found',
      message: reason === null ? 'Velger i egen kommune: stemmeseddelen legges rett i urnen.' : reason === 'other_municipality' ? `Velger fra kommune ${m.municipalityNumber}: stemmeseddelen legges i omslagskonvolutt.` : 'Tidligstemme: stemmeseddelen legges i omslagskonvolutt.',
      matches,
      nextStep: step,
    };
  }

  async register(electionId: string, input: RegisterVoteInput, clerk: { id: string; name: string }): Promise<RegisterVoteResponse> {
    validPersonalNumber(input.personalNumber);
    const scope = currentScope();
    const now = this.clock.now();
    const { date } = osloDateTime(now);

    // One query for the election, the place, whether the clerk works there, and the voter.
    const ctx = (await this.em.execute<(PlaceRow & { voter_municipality: string | null; has_approved: boolean })[]>(
      `select e.early_from::text, e.early_to::text, e.advance_from::text, e.advance_to::text, p.name, p.opening_hours,
              exists (select 1 from voting_place_staff s where s.voting_place_id = p.id and s.user_id = ?) as assigned,
              (select r.municipality_number from roll_voter r where r.election_id = e.id and r.personal_number = ?) as voter_municipality,
              (exists (select 1 from advance_vote a where a.election_id = e.id and a.personal_number = ? and a.status = 'approved')
               or exists (select 1 from received_envelope re where re.election_id = e.id and re.personal_number = ? and re.status = 'approved')) as has_approved
       from election e left join voting_place p on p.election_id = e.id and p.id = ? where e.id = ?`,
      [clerk.id, input.personalNumber, input.personalNumber, input.personalNumber, input.votingPlaceId, electionId],
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
    const inRoll = ctx.voter_municipality !== null;
    const situation = { inRoll, own: inRoll ? ctx.voter_municipality === municipality.number : null, period, hasApproved: ctx.has_approved, identityDoubt: input.identityDoubt };
    const voterMunicipality = ctx.voter_municipality ?? input.voterMunicipalityNumber;

    const insert = async (reason: EnvelopeReason | null) =>
      // One statement writes the vote and its audit entry, or nothing: a retried request (same
      // idempotency key), or an approval another registration made first (the partial unique index).
      // It returns the vote as the answer shows it, so the registration costs no read-back.
      (await this.em.execute<VoteRow[]>(
        `with vote as (
           insert into advance_vote (id, municipality_id, election_id, personal_number, voter_municipality_number, voting_place_id, clerk_id, cast_at, kind, envelope, envelope_reason, envelope_serial, status, idempotency_key)
           values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict do nothing returning id, cast_at, voting_place_id, municipality_id, kind, status, envelope_serial, envelope_reason, reject_ground
         ), audit as (
           insert into audit_log (municipality_id, actor_id, actor_name, action, entity_type, entity_id, after, request_id)
           select ?, ?, ?, 'vote.register', 'advance_vote', id::text,
                  jsonb_build_object('election', ?::text, 'votingPlace', ?::text, 'kind', ?::text, 'status', ?::text, 'envelopeReason', ?::text, 'envelopeSerial', ?::text, 'voter', ?::text), ?
           from vote
         )
         select v.id, v.cast_at, p.name as voting_place, m.name as municipality, v.kind, v.status, v.envelope_serial, v.envelope_reason, v.reject_ground
           from vote v join voting_place p on p.id = v.voting_place_id join municipality m on m.id = v.municipality_id`,
        [
          scope.municipalityId, electionId, input.personalNumber, voterMunicipality, input.votingPlaceId, clerk.id, now, period, reason !== null, reason, input.envelopeSerial, initialStatus(reason), input.idempotencyKey,
          scope.municipalityId, clerk.id, clerk.name, electionId, input.votingPlaceId, period, initialStatus(reason), reason, input.envelopeSerial, maskPersonalNumber(input.personalNumber), scope.requestId ?? null,
        ],
      ))[0];

    let reason = envelopeReason(situation);
    let inserted = await insert(reason);
    const same = async () => (await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.municipality_id = ? and v.idempotency_key = ?`, [scope.municipalityId, input.idempotencyKey]))[0];
    if (!inserted) {
      const earlier = await same();
      if (earlier) {
        if (sameKeyOutcome({ earlierPersonalNumber: earlier.personal_number, personalNumber: input.personalNumber }) === 'idempotency_key_reused') {
          throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'Denne forespørselen er allerede brukt for en annen velger.', 409);
        }
        return { vote: toVote(earlier), replayed: true, message: 'Allerede registrert (samme forespørsel sendt på nytt).' };
      }
      // Another registration approved this voter a moment ago: this one is taken in an envelope.
      reason = 'already_voted';
      inserted = await insert(reason);
      if (!inserted) {
        const replay = await same();
        if (!replay) throw new Error('advance vote neither written nor found');
        return { vote: toVote(replay), replayed: true, message: 'Allerede registrert (samme forespørsel sendt på nytt).' };
      }
    }
    const step = nextStepFor(reason);
    return {
      vote: toVote(inserted),
      replayed: false,
      message:
        step.action === 'ballot_box'
          ? 'Registrert og godkjent. Stemmeseddelen legges i urnen, og velgeren er krysset av i manntallet.'
          : `Mottatt i omslagskonvolutt: ${RECEIVED_MESSAGE[reason!].toLowerCase()}. Skriv «${step.writeOnEnvelope}» på konvolutten; valgstyret prøver stemmen.`,
    };
  }

  /** The election board cancels a registration made in error, with a reason. The vote is kept, marked cancelled. */
  async cancel(voteId: string, reason: string, by: { id: string }): Promise<RegisteredVote> {
    const row = (await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.id = ? for update of v`, [voteId]))[0];
    if (!row) throw new NotFoundError('stemmegivningen');
    if (row.status === 'cancelled' || row.status === 'rejected') throw new DomainError('VOTE_NOT_ACTIVE', 'Stemmegivningen er allerede annullert eller forkastet.', 409);
    await this.em.execute(`update advance_vote set status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ? where id = ?`, [this.clock.now(), by.id, reason, voteId]);
    this.audit.record({ action: 'vote.cancel', entityType: 'advance_vote', entityId: voteId, before: { status: row.status }, after: { status: 'cancelled', reason } });
    return { ...toVote(row), status: 'cancelled' };
  }

  /** A clerk undoes their own registration at the desk, within UNDO_MINUTES, with a reason; traced like a cancellation. */
  async undo(voteId: string, reason: string, clerk: { id: string }): Promise<RegisteredVote> {
    const row = (await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.id = ? for update of v`, [voteId]))[0];
    if (!row || row.clerk_id !== clerk.id) throw new NotFoundError('stemmegivningen');
    if (this.clock.now().getTime() - new Date(row.cast_at).getTime() > UNDO_MINUTES * 60_000) {
      throw new DomainError('UNDO_TOO_LATE', `En registrering kan angres i ${UNDO_MINUTES} minutter. Be valgstyret annullere den.`, 409);
    }
    if (row.status === 'cancelled' || row.status === 'rejected') throw new DomainError('VOTE_NOT_ACTIVE', 'Stemmegivningen er allerede annullert eller forkastet.', 409);
    await this.em.execute(`update advance_vote set status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ? where id = ?`, [this.clock.now(), clerk.id, `Angret av stemmemottaker: ${reason}`, voteId]);
    this.audit.record({ action: 'vote.undo', entityType: 'advance_vote', entityId: voteId, before: { status: row.status }, after: { status: 'cancelled', reason } });
    return { ...toVote(row), status: 'cancelled' };
  }

  /**
   * The board's decision (prøving) on received votes, the same for all: approved, or rejected
   * with a ground. All or nothing: a vote already decided, or an approval of a voter who has (or
   * would get twice) an approved vote, refuses the whole decision.
   */
  async decide(electionId: string, input: VoteDecisionInput, by: { id: string }): Promise<ReviewVoteList> {
    const rows = await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.election_id = ? and v.id in (${input.voteIds.map(() => '?').join(',')}) order by v.id for update of v`, [electionId, ...input.voteIds]);
    if (rows.length !== input.voteIds.length) throw new NotFoundError('stemmegivningen');
    const decided = rows.filter((r) => r.status !== 'received');
    if (decided.length > 0) {
      throw new DomainError('VOTE_ALREADY_DECIDED', `${decided.length === 1 ? 'Én stemmegivning' : `${decided.length} stemmegivninger`} er allerede avgjort.`, 409, decided.map((d) => ({ path: `voteIds.${input.voteIds.indexOf(d.id)}`, message: `Status: ${d.status}` })));
    }
    if (input.decision === 'approve') {
      const pns = rows.map((r) => r.personal_number);
      const twice = pns.filter((pn, i) => pns.indexOf(pn) !== i);
      const list = pns.map(() => '?').join(',');
      const approved = await this.em.execute<{ personal_number: string }[]>(
        `select personal_number from advance_vote where election_id = ? and status = 'approved' and personal_number in (${list})
         union all select personal_number from received_envelope where election_id = ? and status = 'approved' and personal_number in (${list})`,
        [electionId, ...pns, electionId, ...pns],
      );
      if (twice.length > 0 || approved.length > 0) throw voterAlreadyApproved('vote');
    }
    const now = this.clock.now();
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await approving('vote', () => this.em.execute(
      `update advance_vote set status = ?, reject_ground = ?, reject_reason = ?, decided_at = ?, decided_by = ? where id in (${input.voteIds.map(() => '?').join(',')})`,
      [status, input.ground, input.ground ? REJECTION_GROUND_TEXT[input.ground] : null, now, by.id, ...input.voteIds],
    ));
    for (const r of rows) this.audit.record({ action: `vote.${input.decision}`, entityType: 'advance_vote', entityId: r.id, before: { status: r.status }, after: { status, ground: input.ground } });
    return this.reviewList(electionId, `v.id in (${input.voteIds.map(() => '?').join(',')})`, input.voteIds);
  }

  /** Received votes waiting for the board, oldest first, optionally by envelope reason. */
  async review(electionId: string, query: ReviewQuery): Promise<ReviewVoteList> {
    await this.election(electionId);
    return query.reason ? this.reviewList(electionId, `v.status = 'received' and v.envelope_reason = ?`, [query.reason]) : this.reviewList(electionId, `v.status = 'received'`, []);
  }

  /** Every vote of the voters found by personal number or name (the board cancelling one). */
  async search(electionId: string, query: VoteSearchQuery): Promise<ReviewVoteList> {
    await this.election(electionId);
    const digits = query.q.replace(/\s/g, '');
    if (/^\d{11}$/.test(digits)) return this.reviewList(electionId, 'v.personal_number = ?', [digits]);
    const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    return this.reviewList(electionId, `v.personal_number in (select r.personal_number from roll_voter r where r.election_id = v.election_id and lower(r.given_name || ' ' || r.family_name) like ?)`, [like]);
  }

  private async reviewList(electionId: string, where: string, params: unknown[]): Promise<ReviewVoteList> {
    const rows = await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.election_id = ? and ${where} order by v.cast_at limit 500`, [electionId, ...params]);
    const pns = [...new Set(rows.map((r) => r.personal_number))];
    const others = pns.length ? await this.em.execute<VoteRow[]>(`${VOTE_SELECT} where v.election_id = ? and v.personal_number in (${pns.map(() => '?').join(',')}) order by v.cast_at`, [electionId, ...pns]) : [];
    return {
      items: rows.map((r) => ({
        ...toVote(r),
        personalNumberMasked: r.personal_number ? maskPersonalNumber(r.personal_number) : '',
        voterName: r.voter_name,
        voterMunicipalityNumber: r.voter_municipality_number,
        clerkName: r.clerk_name ?? '',
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
        otherVotes: others.filter((o) => o.personal_number === r.personal_number && o.id !== r.id).map(toVote),
      })),
    };
  }
}

/** The counter refuses a number that cannot be anyone's (control digits, no such date) before looking. */
function validPersonalNumber(value: string): void {
  const check = checkPersonalNumber(value);
  if (!check.valid) {
    throw new DomainError('INVALID_PERSONAL_NUMBER', check.reason ?? 'Ugyldig fødselsnummer.', 400, [{ path: 'personalNumber', message: check.reason ?? '' }]);
  }
}
