import { Body as RequestBody, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  Application,
  ApplicationInput,
  ApplicationList,
  ApplicationListQuery,
  ApplicationTransitionInput,
  IdParams,
  Institution,
  InstitutionInput,
  Official,
  OutreachSettings,
  OutreachSettingsInput,
  PlanQuery,
  RegisterVoteResponse,
  Route,
  RouteInput,
  RouteList,
  RouteListQuery,
  RouteOrderInput,
  RoutePlan,
  Session,
  SessionInput,
  SessionVoteInput,
  VisitMarkInput,
  VisitMarkResult,
  type Caller,
} from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { OutreachApplicationsService } from './outreach-applications.service.js';
import { OutreachInstitutionsService } from './outreach-institutions.service.js';
import { OutreachRoutesService } from './outreach-routes.service.js';

/** Election staff (and admin) do everything; the election board may read (without the applicants' reasons). */
const STAFF: Caller[] = ['election_staff', 'admin'];
const READERS: Caller[] = ['election_staff', 'admin', 'election_board'];

@Controller('outreach')
export class OutreachController {
  constructor(
    private readonly applications: OutreachApplicationsService,
    private readonly institutions: OutreachInstitutionsService,
    private readonly routes: OutreachRoutesService,
  ) {}

  @Get('officials')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Users who can be assigned as officials (election staff)', response: z.object({ items: z.array(Official) }) })
  async officials() {
    return { items: await this.institutions.officials() };
  }

  @Get('institutions')
  @Allow(...READERS)
  @ApiRoute({ summary: 'Care homes, hospitals and prisons with their contact', response: z.object({ items: z.array(Institution) }) })
  async institutionList() {
    return { items: await this.institutions.institutions() };
  }

  @Post('institutions')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Add an institution', body: InstitutionInput, response: Institution })
  createInstitution(@RequestBody(zod(InstitutionInput)) input: InstitutionInput) {
    return this.institutions.createInstitution(input);
  }

  @Put('institutions/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Change an institution', params: IdParams, body: InstitutionInput, response: Institution })
  updateInstitution(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(InstitutionInput)) input: InstitutionInput) {
    return this.institutions.updateInstitution(p.id, input);
  }

  @Get('elections/:id/settings')
  @Allow(...READERS)
  @ApiRoute({ summary: 'The home-voting application deadline of an election, with the range the law allows', params: IdParams, response: OutreachSettings })
  settings(@Param(zod(IdParams)) p: IdParams) {
    return this.applications.settings(p.id);
  }

  @Put('elections/:id/settings')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Set the application deadline (Tuesday–Friday of the last week before election day)', params: IdParams, body: OutreachSettingsInput, response: OutreachSettings })
  setSettings(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(OutreachSettingsInput)) input: OutreachSettingsInput) {
    return this.applications.setDeadline(p.id, input.deadlineDate);
  }

  @Get('elections/:id/sessions')
  @Allow(...READERS)
  @ApiRoute({ summary: 'Voting sessions at institutions, with their officials', params: IdParams, response: z.object({ items: z.array(Session) }) })
  async sessions(@Param(zod(IdParams)) p: IdParams) {
    return { items: await this.institutions.sessions(p.id) };
  }

  @Post('elections/:id/sessions')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Plan a session at an institution with two officials (never two places at once); queue the announcement e-mail', params: IdParams, body: SessionInput, response: Session })
  createSession(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(SessionInput)) input: SessionInput) {
    return this.institutions.createSession(p.id, input);
  }

  @Post('sessions/:id/votes')
  @Allow(...STAFF)
  @ApiRoute({ summary: "Register a vote received at the session (the counter's rules; the session's officials only)", params: IdParams, body: SessionVoteInput, response: RegisterVoteResponse })
  sessionVote(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(SessionVoteInput)) input: SessionVoteInput, @CurrentCaller() caller: RequestCaller) {
    return this.routes.sessionVote(p.id, input, { id: caller.user!.id, name: caller.user!.username });
  }

  @Get('elections/:id/applications')
  @Allow(...READERS)
  @ApiRoute({ summary: 'Home-voting applications (the reason only for election staff)', params: IdParams, query: ApplicationListQuery, response: ApplicationList })
  async applicationList(@Param(zod(IdParams)) p: IdParams, @Query(zod(ApplicationListQuery)) q: ApplicationListQuery, @CurrentCaller() caller: RequestCaller) {
    return { items: await this.applications.list(p.id, caller.roles, q.status) };
  }

  @Post('elections/:id/applications')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Enter a home-voting application from a phone call: deadline and roll checked', params: IdParams, body: ApplicationInput, response: Application })
  apply(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ApplicationInput)) input: ApplicationInput, @CurrentCaller() caller: RequestCaller) {
    return this.applications.apply(p.id, input, 'phone', caller.roles);
  }

  @Get('applications/:id')
  @Allow(...READERS)
  @ApiRoute({ summary: 'One application (the reason only for election staff)', params: IdParams, response: Application })
  application(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller) {
    return this.applications.get(p.id, caller.roles);
  }

  @Post('applications/:id/status')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Approve or withdraw an application (rules/status.ts; 409 OUTREACH_ILLEGAL_TRANSITION)', params: IdParams, body: ApplicationTransitionInput, response: Application })
  transition(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ApplicationTransitionInput)) input: ApplicationTransitionInput, @CurrentCaller() caller: RequestCaller) {
    return this.applications.transition(p.id, input.status, caller.roles);
  }

  @Get('elections/:id/plan')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Approved applications not on a route, grouped by area in the explained order', params: IdParams, query: PlanQuery, response: RoutePlan })
  plan(@Param(zod(IdParams)) p: IdParams, @Query(zod(PlanQuery)) q: PlanQuery, @CurrentCaller() caller: RequestCaller) {
    return this.routes.plan(p.id, q.date, caller.roles);
  }

  @Get('elections/:id/routes')
  @Allow(...READERS)
  @ApiRoute({ summary: 'Routes of an election, optionally of one day', params: IdParams, query: RouteListQuery, response: RouteList })
  async routeList(@Param(zod(IdParams)) p: IdParams, @Query(zod(RouteListQuery)) q: RouteListQuery) {
    return { items: await this.routes.list(p.id, q.date) };
  }

  @Post('elections/:id/routes')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Make a route: stops in order with time windows, two officials; a voter on one open route only', params: IdParams, body: RouteInput, response: Route })
  createRoute(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(RouteInput)) input: RouteInput) {
    return this.routes.create(p.id, input);
  }

  @Get('routes/:id')
  @Allow(...READERS)
  @ApiRoute({ summary: 'A route with its stops', params: IdParams, response: Route })
  route(@Param(zod(IdParams)) p: IdParams) {
    return this.routes.get(p.id);
  }

  @Put('routes/:id/order')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Change the order of the stops; the time windows follow', params: IdParams, body: RouteOrderInput, response: Route })
  reorder(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(RouteOrderInput)) input: RouteOrderInput) {
    return this.routes.reorder(p.id, input.stopIds);
  }

  @Get('routes/:id/pdf')
  @Allow(...READERS)
  @ApiRoute({ summary: 'The printable route list (PDF)', params: IdParams, response: 'application/pdf' })
  async routePdf(@Param(zod(IdParams)) p: IdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const { pdf, route } = await this.routes.pdf(p.id);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="rute-${route.date}-${route.area.replace(/[^0-9]/g, '')}.pdf"`).header('cache-control', 'private, no-store');
    return pdf;
  }

  @Post('routes/:id/marks')
  @Allow(...STAFF)
  @ApiRoute({ summary: "Mark a visit from the phone (voted registers the vote); idempotent on the phone's client id", params: IdParams, body: VisitMarkInput, response: VisitMarkResult })
  mark(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(VisitMarkInput)) input: VisitMarkInput, @CurrentCaller() caller: RequestCaller) {
    return this.routes.mark(p.id, input, { id: caller.user!.id, name: caller.user!.username });
  }
}
