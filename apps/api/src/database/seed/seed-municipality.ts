import { ref } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { BodyKind, Role } from '@sekretariat/contracts';
import argon2 from 'argon2';
import { User } from '../../auth/user.entity.js';
import { Body } from '../../bodies/body.entity.js';
import { Membership } from '../../bodies/membership.entity.js';
import { Party } from '../../bodies/party.entity.js';
import { Person, type Gender } from '../../bodies/person.entity.js';
import { Municipality } from '../../core/municipality.entity.js';
import { MunicipalitySettingsRow } from '../../municipalities/municipality-settings.entity.js';
import type { DocumentStore } from '../../documents/document-store.js';
import { runInTenant, SYSTEM_ACTOR } from '../../core/tenant.js';
import { seedDemoElection } from '../../elections/seed-election.js';
import { seedDemoOutreach } from '../../outreach/seed-outreach.js';
import { seedDemoWeddings } from '../../weddings/seed-weddings.js';
import { seedDemoMeetings } from './seed-meetings.js';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, PARTIES, prng } from '../../core/seed-names.js';

export interface SeedOptions {
  slug: string;
  name: string;
  number: string;
  /** Prefix for user names, so that several seeded municipalities can share one installation. */
  userPrefix?: string;
  password: string;
  seed?: number;
  /** Kommunestyre size; must be at least the sum of PARTIES seats (27). */
  termFrom?: string;
  termTo?: string;
}

export const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: 'Ada Administrator', roles: ['admin'] },
  { username: 'sekretariat', displayName: 'Siri Sekretær', roles: ['secretariat'] },
  { username: 'politiker', displayName: 'Per Politiker', roles: ['official'] },
  { username: 'politiker2', displayName: 'Pia Politiker', roles: ['official'] },
  { username: 'valgmedarbeider', displayName: 'Vera Valgmedarbeider', roles: ['election_staff'] },
  { username: 'valgstyre', displayName: 'Viggo Valgstyre', roles: ['election_board'] },
  { username: 'vigsel', displayName: 'Vilde Vigsel', roles: ['wedding_staff'] },
  { username: 'vigsler', displayName: 'Vigdis Vigsler', roles: ['wedding_officiant'] },
];

/**
 * A synthetic municipality: parties, a kommunestyre of 27 with ranked substitutes per party,
 * a formannskap of 7 drawn from it, two committees of 9, and one user of each role (two officials).
 */
export async function seedMunicipality(orm: MikroORM, options: SeedOptions): Promise<Municipality> {
  const rand = prng(options.seed ?? 2027);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const termFrom = options.termFrom ?? '2023-10-01';
  const termTo = options.termTo ?? '2027-09-30';

  const em = orm.em.fork();
  const municipality = em.create(Municipality, { slug: options.slug, name: options.name, number: options.number });
  await em.flush();

  const passwordHash = await argon2.hash(options.password, { type: argon2.argon2id });
  await runInTenant(orm, { municipalityId: municipality.id, actor: SYSTEM_ACTOR }, async (tx) => {
    const m = municipality.id;
    const users = DEMO_USERS.map((u) =>
      tx.create(User, { municipality: m, username: `${options.userPrefix ?? ''}${u.username}`, displayName: u.displayName, roles: u.roles, passwordHash }),
    );
    const parties = PARTIES.map((p) => ({ ...p, entity: tx.create(Party, { municipality: m, name: p.name, shortName: p.shortName }) }));

    const used = new Set<string>();
    const person = (party: Party): Person => {
      for (;;) {
        const gender: Gender = rand() < 0.5 ? 'female' : 'male';
        const givenName = pick(gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
        const familyName = pick(FAMILY);
        const key = `${givenName} ${familyName}`;
        if (used.has(key)) continue;
        used.add(key);
        const email = `${givenName}.${familyName}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '') + `@${options.slug}.kommune.example`;
        return tx.create(Person, { municipality: m, givenName, familyName, gender, party, email });
      }
    };

    const body = (name: string, kind: BodyKind, seats: number) =>
      tx.create(Body, { municipality: m, name, kind, seats, termFrom, termTo });
    const seat = (b: Body, p: Person, party: Party, kind: 'member' | 'substitute', role: Membership['role'], rank: number | null) =>
      tx.create(Membership, { municipality: m, body: b, person: p, party, kind, role, rank, from: termFrom });

    // Kommunestyre: members per party, and as many substitutes as members plus two (koml. § 7-10).
    const ks = body('Kommunestyret', 'kommunestyre', 27);
    const ksMembers: { person: Person; party: Party }[] = [];
    for (const p of parties) {
      for (let i = 0; i < p.seats; i++) {
        const who = person(p.entity);
        ksMembers.push({ person: who, party: p.entity });
      }
    }
    ksMembers.forEach((x, i) => seat(ks, x.person, x.party, 'member', i === 0 ? 'leader' : i === 7 ? 'deputy_leader' : 'member', null));
    // The demo official sits in the kommunestyre and the formannskap (second on the largest list);
    // politiker2 is the next member of the same list (a kommunestyre member and formannskap substitute),
    // so notes shared with the party group can be tried between two users.
    const [official, official2] = users.filter((u) => u.roles.includes('official'));
    const colleague = ksMembers.slice(2).find((x) => x.party === ksMembers[1]!.party)!;
    for (const [user, member] of [[official!, ksMembers[1]!], [official2!, colleague]] as const) {
      user.person = ref(member.person);
      user.displayName = `${member.person.givenName} ${member.person.familyName}`;
    }
    for (const p of parties) {
      for (let r = 1; r <= p.seats + 2; r++) seat(ks, person(p.entity), p.entity, 'substitute', 'member', r);
    }

    // Formannskap: 7 from the kommunestyre; substitutes are other kommunestyre members (koml. § 5-6).
    const fsk = body('Formannskapet', 'formannskap', 7);
    const fskPlan: [string, number][] = [['Ap', 2], ['H', 2], ['Sp', 1], ['FrP', 1], ['SV', 1]];
    // Substitutes are numbered per list, as elected (koml. § 7-10).
    for (const [short, n] of fskPlan) {
      const fromParty = ksMembers.filter((x) => x.party.shortName === short);
      fromParty.slice(0, n).forEach((x, i) => seat(fsk, x.person, x.party, 'member', short === 'Ap' && i === 0 ? 'leader' : short === 'H' && i === 0 ? 'deputy_leader' : 'member', null));
      fromParty.slice(n, n + 2).forEach((x, i) => seat(fsk, x.person, x.party, 'substitute', 'member', i + 1));
    }

    for (const name of ['Utvalg for oppvekst og kultur', 'Utvalg for plan, miljø og teknikk']) {
      const committee = body(name, 'utvalg', 9);
      const plan: [string, number][] = [['Ap', 2], ['H', 2], ['Sp', 2], ['FrP', 1], ['SV', 1], ['KrF', 1]];
      plan.forEach(([short, n], pi) => {
        const party = parties.find((p) => p.shortName === short)!.entity;
        for (let i = 0; i < n; i++) seat(committee, person(party), party, 'member', pi === 0 && i === 0 ? 'leader' : pi === 1 && i === 0 ? 'deputy_leader' : 'member', null);
        for (let i = 0; i < 2; i++) seat(committee, person(party), party, 'substitute', 'member', i + 1);
      });
    }
    // The demo council has decided that bodies may meet remotely (koml. § 11-7); synthetic reference.
    tx.create(MunicipalitySettingsRow, { municipality: m, remoteMeetingsAllowed: true, remoteMeetingsDecision: 'PS 41/23' });
    await tx.flush();
  });
  return municipality;
}

/** The demo municipality loaded by `npm start` on first start, with meetings and papers. */
export async function seedDemo(orm: MikroORM, store: DocumentStore): Promise<boolean> {
  const count = await orm.em.fork().count(Municipality, {});
  if (count > 0) return false;
  const municipality = await seedMunicipality(orm, { slug: 'demo', name: 'Fjordvik kommune', number: '9901', password: 'demo1234' });
  await runInTenant(orm, { municipalityId: municipality.id, actor: SYSTEM_ACTOR }, async (tx) => {
    await seedDemoMeetings(tx, municipality.id, store);
    await seedDemoElection(tx, { id: municipality.id, number: municipality.number });
    await seedDemoOutreach(tx, municipality.id);
    // The demo officiant's user is linked to an officiant: `vigsler` sees their own ceremonies.
    const officiantUser = await tx.findOne(User, { username: 'vigsler' });
    await seedDemoWeddings(tx, municipality.id, undefined, officiantUser?.id ?? null);
  });
  return true;
}
