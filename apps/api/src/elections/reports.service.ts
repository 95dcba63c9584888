import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { VotesReport } from '@sekretariat/contracts';
import { toCsv } from '../bodies/csv.js';
import { currentScope } from '../municipalities/tenant.js';
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

  /** Every registration of a day, with envelope serials: the documented reconciliation export. */
  async dayCsv(electionId: string, date: string): Promise<string> {
    const rows = await this.em.execute<Record<string, string | null>[]>(
      `select v.id, v.personal_number, v.voter_municipality_number, p.name as voting_place, to_char(v.cast_at at time zone 'Europe/Oslo', 'YYYY-MM-DD"T"HH24:MI:SS') as cast_at,
              v.kind, case when v.envelope then 'ja' else 'nei' end as envelope, v.envelope_reason, v.envelope_serial, v.status, coalesce(v.reject_reason, v.cancel_reason) as cancel_reason
       from advance_vote v join voting_place p on p.id = v.voting_place_id
       where v.election_id = ? and (v.cast_at at time zone 'Europe/Oslo')::date = ?::date order by v.cast_at`,
      [electionId, date],
    );
    return toCsv(
      ['registrering', 'fodselsnummer', 'kommunenummer', 'stemmested', 'tidspunkt', 'type', 'konvolutt', 'konvolutt_grunn', 'konvoluttnummer', 'status', 'grunn'],
      rows.map((r) => [r['id']!, r['personal_number']!, r['voter_municipality_number'] ?? null, r['voting_place']!, r['cast_at']!, r['kind']!, r['envelope']!, r['envelope_reason'] ?? null, r['envelope_serial'] ?? null, r['status']!, r['cancel_reason'] ?? null]),
    );
  }
}
