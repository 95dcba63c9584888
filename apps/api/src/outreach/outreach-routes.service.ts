import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller, RegisterVoteResponse, Route, RouteInput, RoutePlan, RouteStop, VisitMarkInput, VisitMarkResult } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { AdvanceVoteService } from '../elections/advance-votes.service.js';
import { osloDateTime, type Clock } from '../elections/clock.js';
import { OUTREACH_CLOCK } from './outreach-clock.js';
import { periodOn } from '../elections/rules/voting-periods.js';
import type { OpeningHour } from '../elections/voting-place.entity.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { currentScope } from '../core/tenant.js';
import { composeOutreachRoute } from '../pdf/composers/outreach-route.composer.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { assignOfficials, checkOfficials, officialsOf } from './outreach-assignments.js';
import { OutreachApplicationsService } from './outreach-applications.service.js';
import { APPLICATION_SELECT, applicationDto, type ApplicationRow } from './outreach.mapper.js';
import { OutreachRoute } from './outreach.entities.js';
import { outreachError } from './outreach.errors.js';
import { groupIntoRoutes, ORDER_EXPLANATION, timeWindows } from './rules/routes.js';
import { markSteps } from './rules/status.js';
import { defaultDeadlineDate } from './rules/deadline.js';

/** The voting place (of the elections module) that votes taken on visits are registered at. */
export const OUTREACH_PLACE_NAME = 'Ambulerende stemmegivning (hjemme og institusjoner)';

interface StopRow {
  id: string;
  route_id: string;
  position: number;
  application_id: string;
  name: string;
  address: string;
  postcode: string;
  phone: string;
  window_from: string;
  window_to: string;
  outcome: RouteStop['outcome'];
  marked_at: Date | null;
  vote_message: string | null;
}

interface RouteRow {
  id: string;
  election_id: string;
  date: string;
  area: string;
  start_time: string;
  minutes_per_visit: number;
}

interface MarkRow {
  client_id: string;
  stop_id: string;
  outcome: VisitMarkResult['outcome'];
  vote_id: string | null;
  vote_status: string | null;
  message: string;
}

const STOP_SELECT = `select s.id, s.route_id, s.position, s.application_id, a.name, a.address, a.postcode, a.phone, s.window_from, s.window_to, s.outcome, s.marked_at, s.vote_message
  from outreach_stop s join outreach_application a on a.id = s.application_id`;

const OUTCOME_MESSAGE = { not_at_home: 'Ikke hjemme. Søknaden kan godkjennes på nytt for et nytt besøk.', refused: 'Velgeren ville ikke stemme.' } as const;

const markResult = (m: MarkRow, replayed: boolean): VisitMarkResult => ({ clientId: m.client_id, stopId: m.stop_id, outcome: m.outcome, voteId: m.vote_id, voteStatus: m.vote_status, message: m.message, replayed });

/**
 * Planning a day's home visits into routes of two officials, the printable route list, and the
 * marks the officials make on their phones. A vote marked on a visit is registered by the
 * elections module's AdvanceVoteService.register, the counter's own use case: received, in an
 * envelope where the rules say so, never two approved for one voter.
 */
@Injectable()
export class OutreachRoutesService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(OUTREACH_CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly applications: OutreachApplicationsService,
    private readonly votes: AdvanceVoteService,
    private readonly renderer: PdfRenderer,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  /** Approved applications not on an open route, grouped by area in the explained order (rules/routes.ts). */
  async plan(electionId: string, date: string, roles: readonly Caller[]): Promise<RoutePlan> {
    await this.applications.election(electionId);
    const rows = await this.em.execute<ApplicationRow[]>(
      `${APPLICATION_SELECT} where a.election_id = ? and a.status = 'approved' and not exists (select 1 from outreach_stop s where s.application_id = a.id and s.claim = 'open')`,
      [electionId],
    );
    const groups = groupIntoRoutes(rows.map((r) => applicationDto(r, roles)));
    return { date, groups: groups.map((g) => ({ area: g.area, explanation: ORDER_EXPLANATION, applications: g.items })) };
  }

  async create(electionId: string, input: RouteInput): Promise<Route> {
    const election = await this.applications.election(electionId);
    if (!periodOn(election, input.date)) throw outreachError.outsideVotingPeriod(election.earlyFrom, election.advanceTo);
    const windows = timeWindows(input.start, input.minutesPerVisit, input.applicationIds.length);
    if (!windows) throw outreachError.pastMidnight();
    await checkOfficials(this.em, input.officials);
    const apps = await this.em.execute<{ id: string; status: string; postcode: string }[]>(
      `select id, status, postcode from outreach_application where election_id = ? and id in (${input.applicationIds.map(() => '?').join(',')}) for update`,
      [electionId, ...input.applicationIds],
    );
    if (apps.length !== new Set(input.applicationIds).size || apps.some((a) => a.status !== 'approved')) throw outreachError.notApproved();
    const codes = apps.map((a) => a.postcode).sort();
    const area = codes[0] === codes.at(-1) ? codes[0]! : `${codes[0]}–${codes.at(-1)}`;
    const route = this.em.create(OutreachRoute, { municipality: currentScope().municipalityId, election: electionId, date: input.date, area, startTime: input.start, minutesPerVisit: input.minutesPerVisit });
    await this.em.flush();
    try {
      for (const [i, applicationId] of input.applicationIds.entries()) {
        await this.em.execute(
          `insert into outreach_stop (id, municipality_id, route_id, application_id, position, window_from, window_to, claim) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, 'open')`,
          [currentScope().municipalityId, route.id, applicationId, i + 1, windows[i]!.from, windows[i]!.to],
        );
      }
    } catch (e) {
      if ((e as { code?: string; constraint?: string }).code === '23505' && (e as { constraint?: string }).constraint === 'outreach_stop_one_open_route') throw outreachError.voterAlreadyOnRoute();
      throw e;
    }
    await assignOfficials(this.em, input.officials, { routeId: route.id }, input.date, input.start, windows.at(-1)!.to);
    this.audit.record({ action: 'outreach.route.create', entityType: 'outreach_route', entityId: route.id, after: { date: input.date, area, stops: input.applicationIds.length, officials: input.officials } });
    return this.get(route.id);
  }

  async list(electionId: string, date?: string): Promise<Route[]> {
    await this.applications.election(electionId);
    const rows = await this.em.execute<RouteRow[]>(
      `select id, election_id, date::text, area, start_time, minutes_per_visit from outreach_route where election_id = ? ${date ? 'and date = ?' : ''} order by date, start_time`,
      date ? [electionId, date] : [electionId],
    );
    return this.routeDtos(rows);
  }

  async get(id: string): Promise<Route> {
    const rows = await this.em.execute<RouteRow[]>(`select id, election_id, date::text, area, start_time, minutes_per_visit from outreach_route where id = ?`, [id]);
    if (rows.length === 0) throw outreachError.routeNotFound();
    return (await this.routeDtos(rows))[0]!;
  }

  private async routeDtos(rows: RouteRow[]): Promise<Route[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const officials = await officialsOf(this.em, 'route_id', ids);
    const stops = await this.em.execute<StopRow[]>(`${STOP_SELECT} where s.route_id in (${ids.map(() => '?').join(',')}) order by s.position`, ids);
    return rows.map((r) => ({
      id: r.id,
      electionId: r.election_id,
      date: r.date,
      area: r.area,
      officials: officials.get(r.id) ?? [],
      stops: stops.filter((s) => s.route_id === r.id).map((s) => ({
        id: s.id,
        position: s.position,
        applicationId: s.application_id,
        name: s.name,
        address: s.address,
        postcode: s.postcode,
        phone: s.phone,
        windowFrom: s.window_from,
        windowTo: s.window_to,
        outcome: s.outcome,
        markedAt: s.marked_at ? new Date(s.marked_at).toISOString() : null,
        voteMessage: s.vote_message,
      })),
    }));
  }

  /** New order of the stops (keyboard or drag and drop); the time windows follow the order, the officials' time stays the same. */
  async reorder(id: string, stopIds: string[]): Promise<Route> {
    const route = (await this.em.execute<RouteRow[]>(`select id, election_id, date::text, area, start_time, minutes_per_visit from outreach_route where id = ? for update`, [id]))[0];
    if (!route) throw outreachError.routeNotFound();
    const current = await this.em.execute<{ id: string }[]>('select id from outreach_stop where route_id = ?', [id]);
    const known = new Set(current.map((s) => s.id));
    if (stopIds.length !== known.size || new Set(stopIds).size !== stopIds.length || stopIds.some((s) => !known.has(s))) throw outreachError.orderMismatch();
    const windows = timeWindows(route.start_time, route.minutes_per_visit, stopIds.length)!;
    for (const [i, stopId] of stopIds.entries()) {
      await this.em.execute('update outreach_stop set position = ?, window_from = ?, window_to = ? where id = ?', [i + 1, windows[i]!.from, windows[i]!.to, stopId]);
    }
    this.audit.record({ action: 'outreach.route.reorder', entityType: 'outreach_route', entityId: id, after: { stopIds } });
    return this.get(id);
  }

  async pdf(id: string): Promise<{ pdf: Buffer; route: Route }> {
    const route = await this.get(id);
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const election = await this.applications.election(route.electionId);
    const doc = composeOutreachRoute({ municipalityName: municipality.name, electionName: election.name, route, generatedAt: this.clock.now() });
    return { pdf: await this.renderer.render(doc), route };
  }

  private async isOfficial(column: 'route_id' | 'session_id', id: string, userId: string): Promise<boolean> {
    const rows = await this.em.execute<{ ok: number }[]>(`select 1 as ok from outreach_assignment where ${column} = ? and user_id = ?`, [id, userId]);
    return rows.length > 0;
  }

  private async findMark(clientId: string): Promise<MarkRow | undefined> {
    return (await this.em.execute<MarkRow[]>('select client_id, stop_id, outcome, vote_id, vote_status, message from outreach_mark where client_id = ?', [clientId]))[0];
  }

  /**
   * The outreach voting place of the election, open today for the whole day, with the official as
   * its staff: what the counter's registration asks of a place and a clerk. Created on first use.
   */
  private async outreachPlace(electionId: string, electionDay: string, officialId: string): Promise<string> {
    const scope = currentScope();
    await this.em.execute(
      `insert into outreach_settings (id, municipality_id, election_id, deadline_date) values (gen_random_uuid(), ?, ?, ?) on conflict (election_id) do nothing`,
      [scope.municipalityId, electionId, defaultDeadlineDate(electionDay)],
    );
    const settings = (await this.em.execute<{ id: string; voting_place_id: string | null }[]>('select id, voting_place_id from outreach_settings where election_id = ? for update', [electionId]))[0]!;
    let placeId = settings.voting_place_id;
    if (!placeId) {
      placeId = (await this.em.execute<{ id: string }[]>(
        `insert into voting_place (id, municipality_id, election_id, name, address, opening_hours) values (gen_random_uuid(), ?, ?, ?, '', '[]'::jsonb) returning id`,
        [scope.municipalityId, electionId, OUTREACH_PLACE_NAME],
      ))[0]!.id;
      await this.em.execute('update outreach_settings set voting_place_id = ? where id = ?', [placeId, settings.id]);
    }
    const today = osloDateTime(this.clock.now()).date;
    const hours = (await this.em.execute<{ opening_hours: OpeningHour[] }[]>('select opening_hours from voting_place where id = ?', [placeId]))[0]!.opening_hours;
    if (!hours.some((h) => h.date === today)) {
      await this.em.execute('update voting_place set opening_hours = ?::jsonb where id = ?', [JSON.stringify([...hours, { date: today, from: '00:00', to: '23:59' }]), placeId]);
    }
    await this.em.execute(
      `insert into voting_place_staff (id, municipality_id, voting_place_id, user_id) values (gen_random_uuid(), ?, ?, ?) on conflict do nothing`,
      [scope.municipalityId, placeId, officialId],
    );
    return placeId;
  }

  private async registerVote(electionId: string, kind: 'home' | 'institution', input: { personalNumber: string; idempotencyKey: string; identityDoubt: boolean; envelopeSerial: string | null }, official: { id: string; name: string }): Promise<RegisterVoteResponse> {
    const election = await this.applications.election(electionId);
    const placeId = await this.outreachPlace(electionId, election.electionDay, official.id);
    const result = await this.votes.register(
      electionId,
      { personalNumber: input.personalNumber, votingPlaceId: placeId, identityChecked: true, envelopeSerial: input.envelopeSerial, identityDoubt: input.identityDoubt, voterMunicipalityNumber: null, idempotencyKey: input.idempotencyKey },
      official,
    );
    // The counter registers the period's kind; a vote taken at home or at an institution is of that kind (VOTE_KINDS).
    if (!result.replayed) await this.em.execute('update advance_vote set kind = ? where id = ?', [kind, result.vote.id]);
    return { ...result, vote: { ...result.vote, kind } };
  }

  /**
   * One mark from the phone. Idempotent on the phone's client id (unique in PostgreSQL): a replay,
   * however often and however concurrent, returns the stored result and writes nothing.
   */
  async mark(routeId: string, input: VisitMarkInput, official: { id: string; name: string }): Promise<VisitMarkResult> {
    const replay = async () => {
      const earlier = await this.findMark(input.clientId);
      if (!earlier) return null;
      if (earlier.stop_id !== input.stopId || earlier.outcome !== input.outcome) throw outreachError.markReused();
      return markResult(earlier, true);
    };
    const before = await replay();
    if (before) return before;
    const stop = (await this.em.execute<{ id: string; route_id: string; outcome: string | null; application_id: string; status: Parameters<typeof markSteps>[0]; personal_number: string; election_id: string }[]>(
      `select s.id, s.route_id, s.outcome, a.id as application_id, a.status, a.personal_number, a.election_id
       from outreach_stop s join outreach_application a on a.id = s.application_id where s.id = ? and s.route_id = ? for update of s, a`,
      [input.stopId, routeId],
    ))[0];
    if (!stop) throw outreachError.stopNotFound();
    if (!(await this.isOfficial('route_id', routeId, official.id))) throw outreachError.notRouteOfficial();
    // A concurrent replay of the same mark waited for the lock above; it now sees the first one's result.
    const after = await replay();
    if (after) return after;
    if (stop.outcome !== null) throw outreachError.stopAlreadyMarked();
    const steps = markSteps(stop.status, input.outcome);
    if (!steps) throw outreachError.illegalTransition(stop.status, input.outcome);

    let voteId: string | null = null;
    let voteStatus: string | null = null;
    let message: string;
    if (input.outcome === 'voted') {
      const r = await this.registerVote(stop.election_id, 'home', { personalNumber: stop.personal_number, idempotencyKey: `outreach-${input.clientId}`, identityDoubt: input.identityDoubt, envelopeSerial: input.envelopeSerial }, official);
      voteId = r.vote.id;
      voteStatus = r.vote.status;
      message = r.message;
    } else {
      message = OUTCOME_MESSAGE[input.outcome];
    }
    const now = this.clock.now();
    await this.em.execute('update outreach_application set status = ? where id = ?', [steps.at(-1), stop.application_id]);
    await this.em.execute('update outreach_stop set outcome = ?, marked_at = ?, claim = null, vote_id = ?, vote_message = ? where id = ?', [input.outcome, new Date(input.markedAt), voteId, message, stop.id]);
    await this.em.execute(
      `insert into outreach_mark (id, municipality_id, client_id, stop_id, outcome, marked_at, marked_by, vote_id, vote_status, message, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [currentScope().municipalityId, input.clientId, stop.id, input.outcome, new Date(input.markedAt), official.id, voteId, voteStatus, message, now],
    );
    this.audit.record({ action: 'outreach.visit.mark', entityType: 'outreach_stop', entityId: stop.id, before: { status: stop.status }, after: { status: steps.at(-1), outcome: input.outcome, vote: voteId, clientId: input.clientId } });
    return { clientId: input.clientId, stopId: stop.id, outcome: input.outcome, voteId, voteStatus, message, replayed: false };
  }

  /** A vote received at an institution's session, by one of its two officials; the counter's rules, kind "institution". */
  async sessionVote(sessionId: string, input: { personalNumber: string; clientId: string; identityDoubt: boolean; envelopeSerial: string | null }, official: { id: string; name: string }): Promise<RegisterVoteResponse> {
    const session = (await this.em.execute<{ election_id: string }[]>('select election_id from outreach_session where id = ?', [sessionId]))[0];
    if (!session) throw outreachError.institutionNotFound();
    if (!(await this.isOfficial('session_id', sessionId, official.id))) throw outreachError.notRouteOfficial();
    const r = await this.registerVote(session.election_id, 'institution', { personalNumber: input.personalNumber, idempotencyKey: `outreach-session-${input.clientId}`, identityDoubt: input.identityDoubt, envelopeSerial: input.envelopeSerial }, official);
    this.audit.record({ action: 'outreach.session.vote', entityType: 'outreach_session', entityId: sessionId, after: { vote: r.vote.id, status: r.vote.status } });
    return r;
  }
}
