import { Body as RequestBody, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  EndMembershipInput,
  GrantRates,
  GrantsResponse,
  IdParams,
  ImportQuery,
  ImportReport,
  LeaveInput,
  PartyInput,
  PartyListResponse,
  PartyRow,
  PersonDetail,
  PersonInput,
  PersonListResponse,
} from '@sekretariat/contracts';
import { Allow, EDITORS, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { Accepts } from '../common/http/state-changes.js';
import { zod } from '../common/http/zod.js';
import { toCsv } from './csv.js';
import { GrantsService } from './grants.service.js';
import { sendCsv } from './http.js';
import { ImportService } from './import.service.js';
import { MembershipsService } from './memberships.service.js';
import { PeopleService } from './people.service.js';

const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const EndResult = z.object({ prompt: z.string().nullable() });
const LeaveResult = z.object({ leaveId: z.uuid() });

@Controller()
@Allow(...STAFF)
export class RegisterController {
  constructor(
    private readonly people: PeopleService,
    private readonly memberships: MembershipsService,
    private readonly importer: ImportService,
    private readonly grants: GrantsService,
  ) {}

  @Get('parties')
  @ApiRoute({ summary: 'Parties and lists', response: PartyListResponse })
  async parties(): Promise<{ items: PartyRow[] }> {
    return { items: await this.people.parties() };
  }

  @Post('parties')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Register a party or list', body: PartyInput, response: PartyRow })
  createParty(@RequestBody(zod(PartyInput)) input: PartyInput, @CurrentCaller() caller: RequestCaller): Promise<PartyRow> {
    return this.people.createParty(input, caller.user!.municipalityId);
  }

  @Get('people')
  @ApiRoute({ summary: 'Elected officials and substitutes', response: PersonListResponse })
  async listPeople() {
    return { items: await this.people.list() };
  }

  @Post('people')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Register an elected official', body: PersonInput, response: PersonDetail })
  createPerson(@RequestBody(zod(PersonInput)) input: PersonInput, @CurrentCaller() caller: RequestCaller): Promise<PersonDetail> {
    return this.people.create(input, caller.user!.municipalityId);
  }

  @Get('people/:id')
  @ApiRoute({ summary: "An official's page: every role, current and past", params: IdParams, response: PersonDetail })
  person(@Param(zod(IdParams)) params: IdParams): Promise<PersonDetail> {
    return this.people.detail(params.id, { withContact: true });
  }

  @Put('people/:id')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Change an official', params: IdParams, body: PersonInput, response: PersonDetail })
  updatePerson(@Param(zod(IdParams)) params: IdParams, @RequestBody(zod(PersonInput)) input: PersonInput): Promise<PersonDetail> {
    return this.people.update(params.id, input);
  }

  @Post('memberships/:id/end')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'End a membership; a member leaving for good gets the next substitute proposed', params: IdParams, body: EndMembershipInput, response: EndResult, status: 200 })
  end(@Param(zod(IdParams)) params: IdParams, @RequestBody(zod(EndMembershipInput)) input: EndMembershipInput) {
    return this.memberships.end(params.id, input);
  }

  @Post('memberships/:id/leaves')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Grant leave (permisjon) or release (fritak), koml. § 7-9', params: IdParams, body: LeaveInput, response: LeaveResult })
  leave(@Param(zod(IdParams)) params: IdParams, @RequestBody(zod(LeaveInput)) input: LeaveInput, @CurrentCaller() caller: RequestCaller) {
    return this.memberships.addLeave(params.id, input, caller.user!.municipalityId);
  }

  @Post('register/import')
  @Accepts('csv')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Import members and substitutes from CSV (text/csv; see docs/import-format.md). dryRun=true (default) writes nothing', query: ImportQuery, response: ImportReport, status: 200 })
  async import(
    @RequestBody() body: unknown,
    @Query(zod(ImportQuery)) query: z.infer<typeof ImportQuery>,
    @CurrentCaller() caller: RequestCaller,
  ): Promise<ImportReport> {
    if (!Buffer.isBuffer(body)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send filen som text/csv.', 415);
    }
    return this.importer.run(body, { dryRun: query.dryRun, municipalityId: caller.user!.municipalityId });
  }

  @Get('grants')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Party group grants and remuneration for a year', query: YearQuery, response: GrantsResponse })
  grantsFor(@Query(zod(YearQuery)) query: z.infer<typeof YearQuery>): Promise<GrantsResponse> {
    return this.grants.calculate(query.year ?? new Date().getFullYear());
  }

  @Get('grants.csv')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Party group grants and remuneration as CSV', query: YearQuery, response: 'text/csv' })
  async grantsCsv(@Query(zod(YearQuery)) query: z.infer<typeof YearQuery>, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const year = query.year ?? new Date().getFullYear();
    const g = await this.grants.calculate(year);
    const csv = toCsv(
      ['Type', 'Navn', 'Parti', 'Grunnlag', 'Grunnbeløp', 'Per sete / roller', 'Sum (kr)'],
      [
        ...g.groups.map((r) => ['Gruppestøtte', r.partyName, r.party, `${r.seats} seter`, r.base, r.perSeat, r.total]),
        ['Gruppestøtte', 'Sum', null, null, null, null, g.groupsTotal],
        ...g.remuneration.map((r) => ['Godtgjøring', r.name, r.party, r.roles.join(', '), null, null, r.total]),
        ['Godtgjøring', 'Sum', null, null, null, null, g.remunerationTotal],
      ],
    );
    return sendCsv(reply, `gruppestotte-og-godtgjoring-${year}.csv`, csv);
  }

  @Put('grants/rates')
  @Allow(...EDITORS)
  @ApiRoute({ summary: "Set the year's rates", body: GrantRates, response: GrantRates })
  setRates(@RequestBody(zod(GrantRates)) input: GrantRates, @CurrentCaller() caller: RequestCaller): Promise<GrantRates> {
    return this.grants.setRates(input, caller.user!.municipalityId);
  }
}
