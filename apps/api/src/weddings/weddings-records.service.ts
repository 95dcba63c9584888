import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  RESIDENCE_CLASSES,
  type WeddingBookingExport,
  type WeddingCounts,
  type WeddingLocale,
  type WeddingStatistics,
} from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { toCsv } from '../bodies/csv.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { currentScope } from '../core/tenant.js';
import { osloInstant } from './rules/oslo-time.js';
import { statisticsRows, type StatisticsRow } from './weddings-records.queries.js';
import { statisticsCsvLabels } from './weddings-statistics-csv.js';
import { WeddingsStaffService } from './weddings-staff.service.js';

const counts = (r: Pick<StatisticsRow, 'total' | 'held' | 'booked' | 'cancelled'> | undefined): WeddingCounts => ({
  total: r?.total ?? 0,
  held: r?.held ?? 0,
  booked: r?.booked ?? 0,
  cancelled: r?.cancelled ?? 0,
});

/**
 * The weddings' records for the staff: everything stored about one booking for the couple's
 * request (audited as an export), and the yearly statistics (JSON and CSV).
 */
@Injectable()
export class WeddingsRecordsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly staff: WeddingsStaffService,
    private readonly audit: AuditService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  /** The booking with its personal data and its audit trail (the tokens only as "a link was given"). */
  async export(id: string): Promise<WeddingBookingExport> {
    const b = await this.staff.get(id);
    const place = b.place.getEntity();
    const officiant = b.officiant?.getEntity() ?? null;
    const trail = await this.em.execute<{ at: Date; action: string; actor_name: string; before: unknown; after: unknown }[]>(
      `select at, action, actor_name, before, after from audit_log where entity_type = 'wedding_booking' and entity_id = ? order by id`,
      [b.id],
    );
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const data: WeddingBookingExport = {
      exportedAt: new Date().toISOString(),
      municipality: (await this.municipalities.byId(currentScope().municipalityId)).name,
      booking: {
        id: b.id,
        reference: b.reference,
        status: b.status === 'held' ? 'booked' : b.status,
        startsAt: b.startsAt.toISOString(),
        endsAt: b.endsAt.toISOString(),
        place: { id: place.id, name: place.name },
        officiant: officiant ? { id: officiant.id, name: officiant.name, kind: officiant.kind } : null,
        parties: (b.parties ?? []).map((p) => ({ ...p })),
        witnesses: (b.witnesses ?? []).map((w) => ({ ...w })),
        ceremonyLanguage: b.ceremonyLanguage,
        guests: b.guests,
        certificateIssuedOn: b.certificateIssuedOn,
        certificateChecked: b.certificateChecked,
        notes: b.notes,
        locale: b.locale,
        fee: { free: b.feeFree, amountNok: b.feeNok },
        residenceClass: b.residenceClass,
        cancelReason: b.cancelReason,
        bookedAt: iso(b.bookedAt),
        cancelledAt: iso(b.cancelledAt),
        heldAt: iso(b.heldAt),
        registryNoticeSentAt: iso(b.registryNoticeSentAt),
        anonymisedAt: iso(b.anonymisedAt),
        createdAt: b.createdAt.toISOString(),
        privateLink: b.manageTokenHash !== null || b.mailTokenHash !== null,
      },
      audit: trail.map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, actor: e.actor_name, before: e.before, after: e.after })),
    };
    this.audit.record({ action: 'wedding.exported', entityType: 'wedding_booking', entityId: b.id, after: { reference: b.reference } });
    await this.em.flush();
    return data;
  }

  /** The year's ceremonies (by their start in Oslo time) per month, place, officiant and residence class. */
  async statistics(year: number): Promise<WeddingStatistics> {
    const rows = await statisticsRows(this.em, osloInstant(`${year}-01-01`, 0), osloInstant(`${year + 1}-01-01`, 0));
    const of = (d: StatisticsRow['dimension']) => rows.filter((r) => r.dimension === d);
    return {
      year,
      totals: counts(of('total')[0]),
      months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...counts(of('month').find((r) => r.month === i + 1)) })),
      places: of('place').map((r) => ({ placeId: r.place_id!, name: r.place_name!, ...counts(r) })),
      officiants: of('officiant').map((r) => ({ officiantId: r.officiant_id, name: r.officiant_name, ...counts(r) })),
      residence: RESIDENCE_CLASSES.map((c) => ({ residenceClass: c, ...counts(of('residence').find((r) => r.residence_class === c)) })),
    };
  }

  /** The statistics as one table: a row per month, place, officiant and residence class, and the year; headers and values in `locale`. */
  async statisticsCsv(year: number, locale: WeddingLocale): Promise<string> {
    const s = await this.statistics(year);
    const l = statisticsCsvLabels[locale];
    const row = (group: string, value: string, c: WeddingCounts) => [group, value, c.total, c.held, c.booked, c.cancelled];
    return toCsv(l.header, [
      row(l.group.total, String(year), s.totals),
      ...s.months.map((m) => row(l.group.month, l.months[m.month - 1]!, m)),
      ...s.places.map((p) => row(l.group.place, p.name, p)),
      ...s.officiants.map((o) => row(l.group.officiant, o.name ?? l.noOfficiant, o)),
      ...s.residence.map((r) => row(l.group.residence, l.residence[r.residenceClass], r)),
    ]);
  }
}
