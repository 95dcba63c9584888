import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { BodyDetail, BodyListResponse } from '@sekretariat/contracts';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Body } from './body.entity.js';
import { toBodyDetail, toBodySummary } from './bodies.mapper.js';
import { Membership } from './membership.entity.js';

const ROLE_ORDER = { leader: 0, deputy_leader: 1, member: 2 } as const;

/** Read side of the register of bodies. Municipality scoping comes from row-level security. */
@Injectable()
export class BodiesService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

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
      { body, from: { $lte: on }, $or: [{ to: null }, { to: { $gte: on } }] },
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

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}
