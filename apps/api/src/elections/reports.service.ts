import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlaceCounts, VotesReport } from '@sekretariat/contracts';
import { NotFoundError } from '../common/errors/domain-error.js';
import { toCsv } from '../bodies/csv.js';
import { currentScope } from '../core/tenant.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { composeVotesReport } from '../pdf/composers/votes-report.composer.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import type { Election } from './election.entity.js';

/** Figures for the election board, and the daily export for reconciliation with EVA. */
@Injectable()
export class VoteReportsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly renderer: PdfRenderer,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async pdf(election: Election): Promise<Buffer> {
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const doc = composeVotesReport({ municipalityName: municipality.name, election, report: await this.report(election.id), generatedAt: new Date() });
    return this.renderer.render(doc);
  }

  /** The board's figures: received (waiting), approved, rejected and cancelled, per day, place and kind; grounds; envelopes. */
  async report(electionId: string): Promise<VotesReport> {
    const days = await this.em.execute<{ date: string; voting_place: string; kind: VotesReport['days'][number]['kind']; received: number; approved: number; rejected: number; cancelled: number; envelopes: number }[]>(
      `select (v.cast_at at time zone 'Europe/Oslo')::date::text as date, p.name as voting_place, v.kind,
              count(*) filter (where v.status = 'received')::int as received,
              count(*) filter (where v.status = 'approved')::int as approved,
              count(*) filter (where v.status = 'rejected')::int as rejected,
              count(*) filter (where v.status = 'cancelled')::int as cancelled,
              count(*) filter (where v.envelope and v.status <> 'cancelled')::int as envelopes
       from advance_vote v join voting_place p on p.id = v.voting_place_id
       where v.election_id = ? group by 1, 2, 3 order by 1, 2, 3`,
      [electionId],
    );
    const rejected = await this.em.execute<{ reason: string; count: number }[]>(
      `select coalesce(reject_reason, cancel_reason, status) as reason, count(*)::int as count from advance_vote
       where election_id = ? and status in ('rejected', 'cancelled') group by 1 order by 2 desc, 1`,
      [electionId],
    );
    const awaiting = await this.em.execute<{ reason: VotesReport['awaiting'][number]['reason']; count: number }[]>(
      `select envelope_reason as reason, count(*)::int as count from advance_vote
       where election_id = ? and status = 'received' group by 1 order by 2 desc, 1`,
      [electionId],
    );
    const envelopes = await this.em.execute<{ municipality_number: string; count: number }[]>(
      `select voter_municipality_number as municipality_number, count(*)::int as count from advance_vote
       where election_id = ? and status <> 'cancelled' and envelope_reason = 'other_municipality' group by 1 order by 1`,
      [electionId],
    );
    return {
      days: days.map((d) => ({ date: d.date, votingPlace: d.voting_place, kind: d.kind, received: d.received, approved: d.approved, rejected: d.rejected, cancelled: d.cancelled, envelopes: d.envelopes })),
      rejected,
      awaiting,
      envelopesByMunicipality: envelopes.map((e) => ({ municipalityNumber: e.municipality_number, count: e.count })),
    };
  }

  /**
   * Every registration of a day, with envelope serials and the sent envelope each went in, then
   * the envelopes received from other municipalities that day: the documented reconciliation export.
   */
  async dayCsv(electionId: string, date: string): Promise<string> {
    const rows = await this.em.execute<Record<string, string | null>[]>(
      `select v.id, v.personal_number, v.voter_municipality_number, p.name as voting_place, to_char(v.cast_at at time zone 'Europe/Oslo', 'YYYY-MM-DD"T"HH24:MI:SS') as cast_at,
              v.kind, case when v.envelope then 'ja' else 'nei' end as envelope, v.envelope_reason, v.envelope_serial, v.status, coalesce(v.reject_reason, v.cancel_reason) as cancel_reason,
              s.to_municipality_number as sent_to, s.serial as sent_serial
       from advance_vote v join voting_place p on p.id = v.voting_place_id
       left join sent_envelope_vote sv on sv.vote_id = v.id left join sent_envelope s on s.id = sv.envelope_id
       where v.election_id = ? and (v.cast_at at time zone 'Europe/Oslo')::date = ?::date order by v.cast_at`,
      [electionId, date],
    );
    const received = await this.em.execute<Record<string, string | null>[]>(
      `select r.id, r.personal_number, r.from_municipality_number, r.from_municipality_name, to_char(r.arrived_at at time zone 'Europe/Oslo', 'YYYY-MM-DD"T"HH24:MI:SS') as arrived_at,
              r.serial, r.status, r.reject_ground, r.late
       from received_envelope r where r.election_id = ? and (r.arrived_at at time zone 'Europe/Oslo')::date = ?::date order by r.arrived_at`,
      [electionId, date],
    );
    return toCsv(
      ['registrering', 'fodselsnummer', 'kommunenummer', 'stemmested', 'tidspunkt', 'type', 'konvolutt', 'konvolutt_grunn', 'konvoluttnummer', 'status', 'grunn', 'sendt_til_kommune', 'sendt_forsendelse'],
      [
        ...rows.map((r) => [r['id']!, r['personal_number'] ?? null, r['voter_municipality_number'] ?? null, r['voting_place']!, r['cast_at']!, r['kind']!, r['envelope']!, r['envelope_reason'] ?? null, r['envelope_serial'] ?? null, r['status']!, r['cancel_reason'] ?? null, r['sent_to'] ?? null, r['sent_serial'] ?? null]),
        ...received.map((r) => [r['id']!, r['personal_number'] ?? null, r['from_municipality_number']!, `Mottatt fra ${r['from_municipality_name']!}`, r['arrived_at']!, 'mottatt_konvolutt', 'ja', r['late'] ? 'for_sent' : null, r['serial']!, r['status']!, r['reject_ground'] ?? null, null, null]),
      ],
    );
  }

  /** The counter's figures: registrations at a place on a day (not cancelled), in all and per hour, Oslo time. */
  async placeCounts(electionId: string, placeId: string, date: string): Promise<PlaceCounts> {
    const place = (await this.em.execute<{ name: string }[]>('select name from voting_place where id = ? and election_id = ?', [placeId, electionId]))[0];
    if (!place) throw new NotFoundError('stemmestedet');
    const hours = await this.em.execute<{ hour: number; count: number; approved: number; received: number }[]>(
      `select extract(hour from v.cast_at at time zone 'Europe/Oslo')::int as hour, count(*)::int as count,
              count(*) filter (where v.status = 'approved')::int as approved, count(*) filter (where v.status = 'received')::int as received
       from advance_vote v where v.election_id = ? and v.voting_place_id = ? and v.status <> 'cancelled'
         and (v.cast_at at time zone 'Europe/Oslo')::date = ?::date group by 1 order by 1`,
      [electionId, placeId, date],
    );
    return {
      date,
      votingPlace: place.name,
      total: hours.reduce((s, h) => s + h.count, 0),
      approved: hours.reduce((s, h) => s + h.approved, 0),
      received: hours.reduce((s, h) => s + h.received, 0),
      hours: hours.map((h) => ({ hour: h.hour, count: h.count })),
    };
  }
}
