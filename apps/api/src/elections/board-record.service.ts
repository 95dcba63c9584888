import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { currentScope } from '../core/tenant.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { composeBoardRecord, type BoardRecordInput, type RecordLanguage, type StatusCounts } from '../pdf/composers/board-record.composer.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { CLOCK, type Clock } from './clock.js';
import type { Election } from './election.entity.js';
import { arrivalDeadline } from './rules/deadline.js';

const COUNTS = `count(*)::int as received,
  count(*) filter (where v.status = 'approved')::int as approved,
  count(*) filter (where v.status = 'rejected')::int as rejected,
  count(*) filter (where v.status = 'cancelled')::int as cancelled,
  count(*) filter (where v.status = 'received')::int as awaiting`;

function counts(r: StatusCounts): StatusCounts {
  return { received: r.received, approved: r.approved, rejected: r.rejected, cancelled: r.cancelled, awaiting: r.awaiting };
}

/**
 * The election board's record of advance voting (valgstyrets protokoll for forhåndsstemmer), in
 * the written standard set for the election, else the municipality's. Everything in it is counted from the aggregated
 * columns (status, kind, place, day, grounds, envelope register), never from personal numbers,
 * so it gives the same numbers after the retention job has deleted the roll.
 */
@Injectable()
export class BoardRecordService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly renderer: PdfRenderer,
    private readonly municipalities: MunicipalitiesService,
    private readonly settings: MunicipalitySettingsService,
  ) {}

  async model(election: Election, language: RecordLanguage): Promise<BoardRecordInput> {
    const id = election.id;
    const [totals] = await this.em.execute<StatusCounts[]>(`select ${COUNTS} from advance_vote v where v.election_id = ?`, [id]);
    const byPlace = await this.em.execute<(StatusCounts & { place: string })[]>(
      `select p.name as place, ${COUNTS} from advance_vote v join voting_place p on p.id = v.voting_place_id where v.election_id = ? group by p.name order by p.name`, [id]);
    const byDay = await this.em.execute<(StatusCounts & { date: string })[]>(
      `select (v.cast_at at time zone 'Europe/Oslo')::date::text as date, ${COUNTS} from advance_vote v where v.election_id = ? group by 1 order by 1`, [id]);
    const byKind = await this.em.execute<(StatusCounts & { kind: string })[]>(
      `select v.kind, ${COUNTS} from advance_vote v where v.election_id = ? group by 1 order by 1`, [id]);
    const grounds = await this.em.execute<{ ground: string; count: number }[]>(
      `select reject_ground as ground, count(*)::int as count from advance_vote where election_id = ? and status = 'rejected' group by 1 order by 2 desc, 1`, [id]);
    const envelopeReasons = await this.em.execute<{ reason: string; count: number }[]>(
      `select envelope_reason as reason, count(*)::int as count from advance_vote where election_id = ? and envelope_reason is not null and status <> 'cancelled' group by 1 order by 2 desc, 1`, [id]);
    const sent = await this.em.execute<{ serial: string; to_municipality_number: string; to_municipality_name: string; sent_on: string; votes: number }[]>(
      `select s.serial, s.to_municipality_number, s.to_municipality_name, s.sent_on::text, (select count(*)::int from sent_envelope_vote v where v.envelope_id = s.id) as votes
       from sent_envelope s where s.election_id = ? order by s.sent_on, s.to_municipality_number, s.serial`, [id]);
    const received = await this.em.execute<{ serial: string; from_municipality_number: string; from_municipality_name: string; arrived_at: Date; late: boolean; status: 'received' | 'approved' | 'rejected' }[]>(
      `select serial, from_municipality_number, from_municipality_name, arrived_at, late, status from received_envelope where election_id = ? order by arrived_at, from_municipality_number, serial`, [id]);
    const cancellations = await this.em.execute<{ cancelled_at: Date; place: string; reason: string | null }[]>(
      `select v.cancelled_at, p.name as place, v.cancel_reason as reason from advance_vote v join voting_place p on p.id = v.voting_place_id
       where v.election_id = ? and v.status = 'cancelled' order by v.cancelled_at`, [id]);
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    return {
      language,
      municipalityName: municipality.name,
      election,
      deadline: arrivalDeadline(election.electionDay),
      totals: counts(totals!),
      byPlace: byPlace.map((r) => ({ place: r.place, ...counts(r) })),
      byDay: byDay.map((r) => ({ date: r.date, ...counts(r) })),
      byKind: byKind.map((r) => ({ kind: r.kind, ...counts(r) })),
      grounds,
      envelopeReasons,
      sent: sent.map((s) => ({ serial: s.serial, municipalityNumber: s.to_municipality_number, municipalityName: s.to_municipality_name, sentOn: s.sent_on, votes: s.votes })),
      received: received.map((r) => ({ serial: r.serial, municipalityNumber: r.from_municipality_number, municipalityName: r.from_municipality_name, arrivedAt: new Date(r.arrived_at), late: r.late, status: r.status })),
      cancellations: cancellations.map((c) => ({ cancelledAt: new Date(c.cancelled_at ?? 0), place: c.place, reason: c.reason ?? '' })),
      generatedAt: this.clock.now(),
    };
  }

  /** The election's written standard for the record, else the municipality's (its settings). */
  async language(election: Election): Promise<RecordLanguage> {
    return election.recordLanguage ?? (await this.settings.get()).writtenStandard;
  }

  async pdf(election: Election, language?: RecordLanguage): Promise<Buffer> {
    const model = await this.model(election, language ?? (await this.language(election)));
    return this.renderer.render(composeBoardRecord(model));
  }
}
