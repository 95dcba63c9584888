import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { osloDay } from '../core/dates.js';
import { Election } from '../elections/election.entity.js';
import { assignOfficials } from './outreach-assignments.js';
import { OutreachApplication, OutreachInstitution, OutreachRoute, OutreachSession, OutreachSettings } from './outreach.entities.js';
import { defaultDeadlineDate } from './rules/deadline.js';

const addDays = (day: string, n: number): string => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * Outreach voting in the demo (synthetic names, addresses and numbers only, domain.md §5): a
 * second election official (valgmedarbeider2, the demo password), three institutions, a session at
 * the care home tomorrow, five home-voting applications of voters in the demo roll (received,
 * approved, withdrawn) and today's route of two approved ones from 12:00, so that `valgmedarbeider`
 * can open the route on a phone and mark the visits, and plan the third.
 */
export async function seedDemoOutreach(em: EntityManager, municipalityId: string): Promise<void> {
  await em.flush();
  const election = await em.findOne(Election, { name: 'Rådgivende folkeavstemning om skolestruktur' });
  if (!election) return;
  const today = osloDay(new Date());
  const vera = await em.findOneOrFail(User, { username: 'valgmedarbeider' });
  const second = em.create(User, { municipality: municipalityId, username: 'valgmedarbeider2', displayName: 'Viktor Valgmedarbeider', roles: ['election_staff'], passwordHash: vera.passwordHash });
  em.create(OutreachSettings, { municipality: municipalityId, election, deadlineDate: defaultDeadlineDate(election.electionDay) < today ? addDays(today, 2) : defaultDeadlineDate(election.electionDay) });
  const home = em.create(OutreachInstitution, { municipality: municipalityId, kind: 'care_home', name: 'Fjordvik sjukeheim', address: 'Sjøgata 4', postcode: '9990', contactName: 'Kari Kontakt', contactEmail: 'sjukeheim@fjordvik.example', contactPhone: '77 00 10 00', locale: 'nn' });
  em.create(OutreachInstitution, { municipality: municipalityId, kind: 'hospital', name: 'Fjordvik sykehus', address: 'Sykehusveien 1', postcode: '9991', contactName: 'Per Portvakt', contactEmail: 'sykehus@fjordvik.example', contactPhone: '77 00 20 00', locale: 'nb' });
  em.create(OutreachInstitution, { municipality: municipalityId, kind: 'prison', name: 'Fjordvik fengsel', address: 'Murveien 9', postcode: '9992', contactName: 'Fia Fengselsbetjent', contactEmail: 'fengsel@fjordvik.example', contactPhone: '77 00 30 00', locale: 'nb' });
  const session = em.create(OutreachSession, { municipality: municipalityId, election, institution: home, date: addDays(today, 1), startTime: '10:00', endTime: '12:00' });
  // Voters of the demo roll who have not voted (seed-election.ts votes for the first 24 and a few others).
  const voters = await em.execute<{ personal_number: string; given_name: string; family_name: string; address: string }[]>(
    `select personal_number, given_name, family_name, address from roll_voter where election_id = ? order by personal_number offset 200 limit 5`,
    [election.id],
  );
  const reasons = ['Bruker rullator og kommer seg ikke ut', 'Sengeliggende etter operasjon', 'Sterkt nedsatt syn, ingen følge', 'Kols, tåler ikke kulde', 'Rullestolbruker, ingen heis'];
  const statuses = ['approved', 'approved', 'approved', 'received', 'withdrawn'] as const;
  const apps = voters.map((v, i) =>
    em.create(OutreachApplication, {
      municipality: municipalityId,
      election,
      reference: `HS-DEMO000${i + 1}`,
      personalNumber: v.personal_number,
      name: `${v.given_name} ${v.family_name}`,
      address: v.address,
      postcode: i % 2 ? '9991' : '9990',
      phone: `9${i}0 00 00${i}`,
      reason: reasons[i]!,
      appliedBy: i === 1 ? 'Datter, Line' : null,
      channel: i % 2 ? 'web' : 'phone',
      status: statuses[i]!,
      receivedAt: new Date(`${addDays(today, -3 + (i % 3))}T09:${String(10 + i).padStart(2, '0')}:00+01:00`),
    }),
  );
  const route = em.create(OutreachRoute, { municipality: municipalityId, election, date: today, area: '9990–9991', startTime: '12:00', minutesPerVisit: 30 });
  await em.flush();
  await assignOfficials(em, [vera.id, second.id], { sessionId: session.id }, session.date, session.startTime, session.endTime);
  for (const [i, app] of apps.slice(0, 2).entries()) {
    await em.execute(
      `insert into outreach_stop (id, municipality_id, route_id, application_id, position, window_from, window_to, claim) values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, 'open')`,
      [municipalityId, route.id, app.id, i + 1, i ? '12:30' : '12:00', i ? '13:00' : '12:30'],
    );
  }
  await assignOfficials(em, [vera.id, second.id], { routeId: route.id }, today, '12:00', '13:00');
}
