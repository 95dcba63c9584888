import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type {
  WeddingAvailabilityInput,
  WeddingBlockedDayInput,
  WeddingOfficiantInput,
  WeddingPlaceInput,
  WeddingSettingsInput,
} from '@sekretariat/contracts';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditService } from '../audit/audit.service.js';
import { User } from '../auth/user.entity.js';
import { currentScope } from '../core/tenant.js';
import { WeddingAvailability } from './wedding-availability.entity.js';
import { WeddingBlockedDay } from './wedding-blocked-day.entity.js';
import { WeddingBooking } from './wedding-booking.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingPlace } from './wedding-place.entity.js';
import { WeddingSettings } from './wedding-settings.entity.js';
import { weddingError } from './weddings.errors.js';
import { officiantError } from './weddings-officiant.errors.js';

/** The staff's configuration: places, officiants, recurring availability, blocked days, the fee and the public text. Every change audited. */
@Injectable()
export class WeddingsSetupService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  private get municipality(): string {
    return currentScope().municipalityId;
  }

  // ---------------------------------------------------------------- places

  places(): Promise<WeddingPlace[]> {
    return this.em.find(WeddingPlace, {}, { orderBy: { name: 'asc' } });
  }

  async place(id: string): Promise<WeddingPlace> {
    const p = await this.em.findOne(WeddingPlace, id);
    if (!p) throw weddingError.placeNotFound();
    return p;
  }

  async createPlace(input: WeddingPlaceInput): Promise<WeddingPlace> {
    const p = this.em.create(WeddingPlace, { municipality: this.municipality, ...input });
    this.audit.record({ action: 'wedding.place.create', entityType: 'wedding_place', entityId: p.id, after: input });
    await this.em.flush();
    return p;
  }

  async updatePlace(id: string, input: WeddingPlaceInput): Promise<WeddingPlace> {
    const p = await this.place(id);
    const before = { name: p.name, capacity: p.capacity, address: p.address, accessibility: p.accessibility, active: p.active };
    this.em.assign(p, input);
    this.audit.record({ action: 'wedding.place.update', entityType: 'wedding_place', entityId: p.id, before, after: input });
    await this.em.flush();
    return p;
  }

  async deletePlace(id: string): Promise<void> {
    const p = await this.place(id);
    const used = (await this.em.count(WeddingAvailability, { place: p })) + (await this.em.count(WeddingBooking, { place: p })) + (await this.em.count(WeddingBlockedDay, { place: p }));
    if (used > 0) throw weddingError.inUse();
    this.em.remove(p);
    this.audit.record({ action: 'wedding.place.delete', entityType: 'wedding_place', entityId: p.id, before: { name: p.name } });
    await this.em.flush();
  }

  // ---------------------------------------------------------------- officiants

  officiants(): Promise<WeddingOfficiant[]> {
    return this.em.find(WeddingOfficiant, {}, { orderBy: { kind: 'desc', name: 'asc' } });
  }

  async officiant(id: string): Promise<WeddingOfficiant> {
    const o = await this.em.findOne(WeddingOfficiant, id);
    if (!o) throw weddingError.officiantNotFound();
    return o;
  }

  /** The mayor and deputy need no decision or period (el. § 12): those are cleared for them. */
  private officiantFields(input: WeddingOfficiantInput) {
    const byLaw = input.kind !== 'authorised';
    const { userId, ...rest } = input;
    return {
      ...rest,
      decisionRef: byLaw ? null : input.decisionRef,
      authorisedFrom: byLaw ? null : input.authorisedFrom,
      authorisedTo: byLaw ? null : input.authorisedTo,
      // Left out: the link stays as it is (a form that does not show it keeps it).
      ...(userId === undefined ? {} : { user: userId ? this.em.getReference(User, userId, { wrapped: true }) : null }),
    };
  }

  /** The active users with the role wedding_officiant (the tenant scope finds only this municipality's), each with the officiant it is linked to. */
  async officiantUsers(): Promise<{ id: string; username: string; displayName: string; officiantId: string | null }[]> {
    const users = await this.em.find(User, { active: true, roles: { $contains: ['wedding_officiant'] } }, { orderBy: { displayName: 'asc', username: 'asc' } });
    const links = await this.em.find(WeddingOfficiant, { user: { $in: users.map((u) => u.id) } });
    const officiantOf = new Map(links.map((o) => [o.user!.id, o.id]));
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, officiantId: officiantOf.get(u.id) ?? null }));
  }

  /** The linked user must be of this municipality (the tenant scope finds no other) with the officiant role, and not linked to another officiant. */
  private async checkOfficiantUser(userId: string | null | undefined, officiantId: string | null): Promise<void> {
    if (!userId) return;
    const user = await this.em.findOne(User, { id: userId, active: true });
    if (!user || !user.roles.includes('wedding_officiant')) throw officiantError.userInvalid();
    const other = await this.em.findOne(WeddingOfficiant, { user: userId, ...(officiantId ? { id: { $ne: officiantId } } : {}) });
    if (other) throw officiantError.userTaken();
  }

  /** A second officiant for one user, from a concurrent request, is refused by the unique constraint. */
  private async flushOfficiant(): Promise<void> {
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw officiantError.userTaken();
      throw e;
    }
  }

  async createOfficiant(input: WeddingOfficiantInput): Promise<WeddingOfficiant> {
    await this.checkOfficiantUser(input.userId, null);
    const o = this.em.create(WeddingOfficiant, { municipality: this.municipality, ...this.officiantFields(input) });
    this.audit.record({ action: 'wedding.officiant.create', entityType: 'wedding_officiant', entityId: o.id, after: input });
    await this.flushOfficiant();
    return o;
  }

  async updateOfficiant(id: string, input: WeddingOfficiantInput): Promise<WeddingOfficiant> {
    const o = await this.officiant(id);
    await this.checkOfficiantUser(input.userId, o.id);
    const before = { name: o.name, kind: o.kind, decisionRef: o.decisionRef, authorisedFrom: o.authorisedFrom, authorisedTo: o.authorisedTo, active: o.active, userId: o.user?.id ?? null };
    this.em.assign(o, this.officiantFields(input));
    this.audit.record({ action: 'wedding.officiant.update', entityType: 'wedding_officiant', entityId: o.id, before, after: input });
    await this.flushOfficiant();
    return o;
  }

  async deleteOfficiant(id: string): Promise<void> {
    const o = await this.officiant(id);
    const used = (await this.em.count(WeddingAvailability, { officiant: o })) + (await this.em.count(WeddingBooking, { officiant: o }));
    if (used > 0) throw weddingError.inUse();
    this.em.remove(o);
    this.audit.record({ action: 'wedding.officiant.delete', entityType: 'wedding_officiant', entityId: o.id, before: { name: o.name } });
    await this.em.flush();
  }

  // ---------------------------------------------------------------- availability

  availability(): Promise<WeddingAvailability[]> {
    return this.em.find(WeddingAvailability, {}, { orderBy: { weekday: 'asc', startTime: 'asc' } });
  }

  private async availabilityRefs(input: WeddingAvailabilityInput) {
    const place = await this.place(input.placeId);
    const officiant = input.officiantId ? await this.officiant(input.officiantId) : null;
    const { placeId: _p, officiantId: _o, ...rest } = input;
    return { ...rest, place, officiant };
  }

  async createAvailability(input: WeddingAvailabilityInput): Promise<WeddingAvailability> {
    const a = this.em.create(WeddingAvailability, { municipality: this.municipality, ...(await this.availabilityRefs(input)) });
    this.audit.record({ action: 'wedding.availability.create', entityType: 'wedding_availability', entityId: a.id, after: input });
    await this.em.flush();
    return a;
  }

  async updateAvailability(id: string, input: WeddingAvailabilityInput): Promise<WeddingAvailability> {
    const a = await this.em.findOne(WeddingAvailability, id);
    if (!a) throw weddingError.availabilityNotFound();
    this.em.assign(a, await this.availabilityRefs(input));
    this.audit.record({ action: 'wedding.availability.update', entityType: 'wedding_availability', entityId: a.id, after: input });
    await this.em.flush();
    return a;
  }

  async deleteAvailability(id: string): Promise<void> {
    const a = await this.em.findOne(WeddingAvailability, id);
    if (!a) throw weddingError.availabilityNotFound();
    this.em.remove(a);
    this.audit.record({ action: 'wedding.availability.delete', entityType: 'wedding_availability', entityId: a.id });
    await this.em.flush();
  }

  // ---------------------------------------------------------------- blocked days

  blockedDays(): Promise<WeddingBlockedDay[]> {
    return this.em.find(WeddingBlockedDay, {}, { orderBy: { date: 'asc' } });
  }

  async createBlockedDay(input: WeddingBlockedDayInput): Promise<WeddingBlockedDay> {
    const place = input.placeId ? await this.place(input.placeId) : null;
    const b = this.em.create(WeddingBlockedDay, { municipality: this.municipality, date: input.date, place, reason: input.reason });
    this.audit.record({ action: 'wedding.blocked_day.create', entityType: 'wedding_blocked_day', entityId: b.id, after: input });
    await this.em.flush();
    return b;
  }

  async deleteBlockedDay(id: string): Promise<void> {
    const b = await this.em.findOne(WeddingBlockedDay, id);
    if (!b) throw weddingError.blockedDayNotFound();
    this.em.remove(b);
    this.audit.record({ action: 'wedding.blocked_day.delete', entityType: 'wedding_blocked_day', entityId: b.id, before: { date: b.date } });
    await this.em.flush();
  }

  // ---------------------------------------------------------------- settings

  settings(): Promise<WeddingSettings | null> {
    return this.em.findOne(WeddingSettings, { municipality: this.municipality });
  }

  async updateSettings(input: WeddingSettingsInput): Promise<WeddingSettings> {
    const s = (await this.settings()) ?? this.em.create(WeddingSettings, { municipality: this.municipality });
    const before = { feeNok: s.feeNok, retentionMonths: s.retentionMonths };
    this.em.assign(s, { feeNok: input.feeNok, infoNb: input.infoText.nb, infoNn: input.infoText.nn, infoEn: input.infoText.en, retentionMonths: input.retentionMonths ?? s.retentionMonths });
    this.audit.record({ action: 'wedding.settings.update', entityType: 'wedding_settings', entityId: s.id, before, after: input });
    await this.em.flush();
    return s;
  }
}
