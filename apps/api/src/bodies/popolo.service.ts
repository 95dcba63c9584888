import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Body } from './body.entity.js';
import { Membership } from './membership.entity.js';
import { Party } from './party.entity.js';

const ROLE = { leader: 'Leder', deputy_leader: 'Nestleder', member: 'Medlem' } as const;
export const LICENCE = 'Norsk lisens for offentlige data (NLOD) 2.0';

/**
 * Open data in the Popolo vocabulary (organization, person, membership, post), for the open
 * bodies only, with names, parties and roles: what the municipality publishes anyway.
 */
@Injectable()
export class PopoloService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  async organizations() {
    const bodies = await this.em.find(Body, { isPublic: true }, { orderBy: { name: 'asc' } });
    const parties = await this.em.find(Party, {}, { orderBy: { shortName: 'asc' } });
    return {
      items: [
        ...bodies.map((b) => ({
          id: `body/${b.id}`,
          name: b.name,
          classification: b.kind,
          parent_id: b.parent ? `body/${b.parent.id}` : null,
          founding_date: b.termFrom,
          dissolution_date: b.termTo,
        })),
        ...parties.map((p) => ({ id: `party/${p.id}`, name: p.name, classification: 'party', parent_id: null, founding_date: '', dissolution_date: '' })),
      ],
      licence: LICENCE,
    };
  }

  private openMemberships() {
    return this.em.find(Membership, { body: { isPublic: true } }, { populate: ['person', 'party', 'body'], orderBy: { from: 'asc' } });
  }

  async persons() {
    const seen = new Map<string, { id: string; name: string; given_name: string; family_name: string }>();
    for (const m of await this.openMemberships()) {
      const p = m.person.getEntity();
      seen.set(p.id, { id: `person/${p.id}`, name: p.fullName(), given_name: p.givenName, family_name: p.familyName });
    }
    return { items: [...seen.values()].sort((a, b) => a.family_name.localeCompare(b.family_name, 'nb')), licence: LICENCE };
  }

  async memberships() {
    return {
      items: (await this.openMemberships()).map((m) => ({
        id: `membership/${m.id}`,
        person_id: `person/${m.person.id}`,
        organization_id: `body/${m.body.id}`,
        on_behalf_of_id: m.party ? `party/${m.party.id}` : null,
        role: m.kind === 'substitute' ? 'Varamedlem' : ROLE[m.role],
        label: m.kind === 'substitute' ? `Varamedlem nr. ${m.rank} (${m.party?.getEntity().shortName ?? ''})` : ROLE[m.role],
        start_date: m.from,
        end_date: m.to,
      })),
      licence: LICENCE,
    };
  }

  async posts() {
    const bodies = await this.em.find(Body, { isPublic: true }, { orderBy: { name: 'asc' } });
    return {
      items: bodies.flatMap((b) => [
        { id: `post/${b.id}/leader`, organization_id: `body/${b.id}`, label: `Leder av ${b.name}`, role: 'Leder' },
        { id: `post/${b.id}/deputy_leader`, organization_id: `body/${b.id}`, label: `Nestleder av ${b.name}`, role: 'Nestleder' },
        { id: `post/${b.id}/member`, organization_id: `body/${b.id}`, label: `Medlem av ${b.name} (${b.seats} seter)`, role: 'Medlem' },
      ]),
      licence: LICENCE,
    };
  }
}
