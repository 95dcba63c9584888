import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { BodyDetail, BodyInput, BodyListResponse } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { toCsv } from './csv.js';
import { activeOn, today } from '../core/dates.js';
import { Body } from './body.entity.js';
import { toBodyDetail, toBodySummary } from './bodies.mapper.js';
import { Membership } from './membership.entity.js';

const ROLE_ORDER = { leader: 0, deputy_leader: 1, member: 2 } as const;

/** Read side of the register of bodies. Municipality scoping comes from row-level security. */
@Injectable()
export class BodiesService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: BodyInput, municipalityId: string): Promise<BodyDetail> {
    const parent = await this.parentOrNull(input.parentId);
    const { parentId: _p, ...fields } = input;
    const body = this.em.create(Body, { municipality: municipalityId, ...fields, parent });
    this.audit.record({ action: 'body.create', entityType: 'body', entityId: body.id, after: input });
    await this.em.flush();
    return this.detail(body.id, { publicOnly: false, withContact: true });
  }

  async update(id: string, input: BodyInput): Promise<BodyDetail> {
    const body = await this.em.findOne(Body, id);
    if (!body) throw new NotFoundError('organet');
    if (input.parentId === id) {
      throw new DomainError('INVALID_PARENT', 'Et organ kan ikke være underordnet seg selv.', 400, [{ path: 'parentId', message: 'Velg et annet organ.' }]);
    }
    const parent = await this.parentOrNull(input.parentId);
    const before = { ...input, name: body.name, seats: body.seats, termFrom: body.termFrom, termTo: body.termTo };
    const { parentId: _p, ...fields } = input;
    this.em.assign(body, { ...fields, parent });
    this.audit.record({ action: 'body.update', entityType: 'body', entityId: id, before, after: input });
    await this.em.flush();
    return this.detail(id, { publicOnly: false, withContact: true });
  }

  private async parentOrNull(id: string | null): Promise<Body | null> {
    if (!id) return null;
    const parent = await this.em.findOne(Body, id);
    if (!parent) throw new DomainError('UNKNOWN_BODY', 'Ukjent overordnet organ.', 400, [{ path: 'parentId', message: 'Finnes ikke.' }]);
    return parent;
  }

  /** The current members and substitutes as CSV (semicolon, UTF-8 with BOM). */
  async membersCsv(id: string, options: { publicOnly: boolean; withContact: boolean }): Promise<{ csv: string; name: string }> {
    const d = await this.detail(id, options);
    const role = { leader: 'Leder', deputy_leader: 'Nestleder', member: 'Medlem' } as const;
    const header = ['Type', 'Nr.', 'Navn', 'Parti', 'Rolle', 'Fra', 'Til', ...(options.withContact ? ['E-post'] : [])];
    const rows = [
      ...d.members.map((m) => ['Medlem', null, m.name, m.party, role[m.role], m.from, m.to, ...(options.withContact ? [m.email] : [])]),
      ...d.substitutes.map((s) => ['Varamedlem', s.rank, s.name, s.party, role[s.role], s.from, s.to, ...(options.withContact ? [s.email] : [])]),
    ];
    return { csv: toCsv(header, rows), name: d.name };
  }

  async list(options: { publicOnly: boolean; on?: string }): Promise<BodyListResponse> {
    const bodies = await this.em.find(Body, options.publicOnly ? { isPublic: true } : {}, { orderBy: { name: 'asc' } });
    const on = options.on ?? today();
    const counts = await this.em.execute<{ body: string; n: number }[]>(
      `select body_id as body, count(*)::int as n from membership
       where kind = 'member' and "from" <= ? and ("to" is null or "to" >= ?) group by body_id`,
      [on, on],
    );
    const countBy = new Map(counts.map((c) => [c.body, Number(c.n)]));
    return { items: bodies.map((b) => toBodySummary(b, countBy.get(b.id) ?? 0)) };
  }

  /** A body with its current members (leader first) and substitutes in rank order. */
  async detail(id: string, options: { publicOnly: boolean; withContact: boolean; on?: string }): Promise<BodyDetail> {
    const body = await this.em.findOne(Body, options.publicOnly ? { id, isPublic: true } : { id });
    if (!body) throw new NotFoundError('organet');
    const on = options.on ?? today();
    const memberships = await this.em.find(
      Membership,
      { body, ...activeOn(on) },
      { populate: ['person', 'party'] },
    );
    memberships.sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.person.getEntity().familyName.localeCompare(b.person.getEntity().familyName, 'nb'),
    );
    return toBodyDetail(body, memberships, options.withContact);
  }
}

