import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  checkPersonalNumber,
  type Application,
  type ApplicationInput,
  type ApplicationStatus,
  type Caller,
  type OutreachLocale,
  type OutreachSettings as SettingsDto,
  type PublicOutreachInfo,
} from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { maskPersonalNumber } from '../common/personal-number.js';
import { AdvanceVoteService } from '../elections/advance-votes.service.js';
import { osloDateTime, type Clock } from '../elections/clock.js';
import { OUTREACH_CLOCK } from './outreach-clock.js';
import { Election } from '../elections/election.entity.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { currentScope } from '../core/tenant.js';
import { APPLICATION_SELECT, applicationDto, type ApplicationRow } from './outreach.mapper.js';
import { OutreachApplication, OutreachSettings } from './outreach.entities.js';
import { outreachError } from './outreach.errors.js';
import { deadlineInstant, deadlineRange, deadlineWithinLaw, defaultDeadlineDate, inTime } from './rules/deadline.js';
import { canTransition, MANUAL_STATUSES } from './rules/status.js';

/** Reference shown to the applicant: no personal data, hard to guess, easy to read out on the phone. */
function newReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(8);
  return `HS-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Home-voting applications (søknad om ambulerende stemmegivning): from staff after a phone call or
 * from the public form; each checked against the roll (elections' lookup) and the deadline set for
 * the election; then moved through the status rules (rules/status.ts).
 */
@Injectable()
export class OutreachApplicationsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(OUTREACH_CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly votes: AdvanceVoteService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async election(id: string, locale: OutreachLocale = 'nb'): Promise<Election> {
    const e = await this.em.findOne(Election, id);
    if (!e) throw outreachError.electionNotFound(locale);
    return e;
  }

  private async deadlineDate(election: Election): Promise<string> {
    const s = await this.em.findOne(OutreachSettings, { election: election.id });
    return s?.deadlineDate ?? defaultDeadlineDate(election.electionDay);
  }

  async settings(electionId: string): Promise<SettingsDto> {
    const election = await this.election(electionId);
    const range = deadlineRange(election.electionDay);
    return {
      electionId,
      applicationDeadline: deadlineInstant(await this.deadlineDate(election)),
      defaultDeadline: deadlineInstant(defaultDeadlineDate(election.electionDay)),
      earliest: range.earliest,
      latest: range.latest,
    };
  }

  async setDeadline(electionId: string, date: string): Promise<SettingsDto> {
    const election = await this.election(electionId);
    const range = deadlineRange(election.electionDay);
    if (!deadlineWithinLaw(election.electionDay, date)) throw outreachError.deadlineOutsideLaw(range.earliest, range.latest);
    await this.em.execute(
      `insert into outreach_settings (id, municipality_id, election_id, deadline_date) values (gen_random_uuid(), ?, ?, ?)
       on conflict (election_id) do update set deadline_date = excluded.deadline_date`,
      [currentScope().municipalityId, electionId, date],
    );
    this.audit.record({ action: 'outreach.deadline', entityType: 'election', entityId: electionId, after: { deadlineDate: date } });
    return this.settings(electionId);
  }

  /** Elections whose deadline has not passed long ago, for the public form. */
  async publicInfo(): Promise<PublicOutreachInfo> {
    const today = osloDateTime(this.clock.now()).date;
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const elections = await this.em.find(Election, { electionDay: { $gte: today } }, { orderBy: { electionDay: 'asc' } });
    const items = [];
    for (const e of elections) {
      const deadline = await this.deadlineDate(e);
      items.push({ id: e.id, name: e.name, electionDay: e.electionDay, applicationDeadline: deadlineInstant(deadline), open: inTime(deadline, today) });
    }
    return { municipality: municipality.name, elections: items };
  }

  /**
   * Receives an application: the deadline first (explained), then the roll. A voter not in the
   * municipality's roll is refused and nothing is stored.
   */
  async apply(electionId: string, input: ApplicationInput, channel: 'phone' | 'web', roles: readonly Caller[], locale: OutreachLocale = 'nb'): Promise<Application> {
    const election = await this.election(electionId, locale);
    const now = this.clock.now();
    const deadline = await this.deadlineDate(election);
    if (!inTime(deadline, osloDateTime(now).date)) throw outreachError.deadlinePassed(deadline, locale);
    const personalNumber = input.personalNumber.replace(/\s/g, '');
    if (!checkPersonalNumber(personalNumber).valid) throw outreachError.invalidPersonalNumber(locale);
    const found = await this.votes.lookup(election.id, { personalNumber });
    if (found.status === 'not_in_roll' || !found.matches.some((m) => m.belongs === 'own')) throw outreachError.voterNotInRoll(locale);
    const application = this.em.create(OutreachApplication, {
      municipality: currentScope().municipalityId,
      election: election.id,
      reference: newReference(),
      personalNumber,
      name: input.name,
      address: input.address,
      postcode: input.postcode,
      phone: input.phone,
      reason: input.reason,
      appliedBy: input.appliedBy,
      channel,
      status: 'received',
      receivedAt: now,
    });
    await this.em.flush();
    // The reason is health-related: the audit log says that one was given, not what it is.
    this.audit.record({ action: 'outreach.application.create', entityType: 'outreach_application', entityId: application.id, after: { election: election.id, voter: maskPersonalNumber(personalNumber), channel, status: 'received' } });
    return this.get(application.id, roles);
  }

  async get(id: string, roles: readonly Caller[]): Promise<Application> {
    const row = (await this.em.execute<ApplicationRow[]>(`${APPLICATION_SELECT} where a.id = ?`, [id]))[0];
    if (!row) throw outreachError.applicationNotFound();
    return applicationDto(row, roles);
  }

  async list(electionId: string, roles: readonly Caller[], status?: ApplicationStatus): Promise<Application[]> {
    await this.election(electionId);
    const rows = await this.em.execute<ApplicationRow[]>(
      `${APPLICATION_SELECT} where a.election_id = ? ${status ? 'and a.status = ?' : ''} order by a.received_at`,
      status ? [electionId, status] : [electionId],
    );
    return rows.map((r) => applicationDto(r, roles));
  }

  /** Approve or withdraw by hand; visited and the outcomes come from the marks on a route. */
  async transition(id: string, to: ApplicationStatus, roles: readonly Caller[]): Promise<Application> {
    const row = (await this.em.execute<{ status: ApplicationStatus }[]>('select status from outreach_application where id = ? for update', [id]))[0];
    if (!row) throw outreachError.applicationNotFound();
    if (!MANUAL_STATUSES.includes(to) || !canTransition(row.status, to)) throw outreachError.illegalTransition(row.status, to);
    await this.em.execute('update outreach_application set status = ? where id = ?', [to, id]);
    if (to === 'withdrawn') await this.em.execute(`update outreach_stop set claim = null where application_id = ? and claim = 'open'`, [id]);
    this.audit.record({ action: 'outreach.application.status', entityType: 'outreach_application', entityId: id, before: { status: row.status }, after: { status: to } });
    return this.get(id, roles);
  }
}
