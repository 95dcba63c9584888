import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { osloDay } from '../core/dates.js';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE } from '../core/seed-names.js';
import { syntheticPersonalNumbers } from '../core/synthetic-numbers.js';
import { AdvanceVote } from './advance-vote.entity.js';
import { Election } from './election.entity.js';
import { RollVoter } from './roll-voter.entity.js';
import { VotingPlace, VotingPlaceStaff } from './voting-place.entity.js';

const addDays = (day: string, n: number): string => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * The demo's election: a referendum the municipality runs itself, with its advance period
 * around today, a voting place open all day (so a newcomer can try the desk at any hour), a roll
 * of 300 synthetic voters (250 of the municipality, 50 of Oslo), some votes approved and some
 * received in envelopes waiting for the board.
 */
export async function seedDemoElection(em: EntityManager, municipality: { id: string; number: string }): Promise<void> {
  const today = osloDay(new Date());
  const election = em.create(Election, {
    municipality: municipality.id,
    name: 'Rådgivende folkeavstemning om skolestruktur',
    type: 'folkeavstemning',
    electionDay: addDays(today, 10),
    earlyFrom: addDays(today, -14),
    earlyTo: addDays(today, -8),
    advanceFrom: addDays(today, -7),
    advanceTo: addDays(today, 7),
    legalRecord: true,
  });
  const days = Array.from({ length: 15 }, (_, i) => addDays(today, i - 7));
  const place = em.create(VotingPlace, { municipality: municipality.id, election, name: 'Servicetorget', address: 'Rådhusplassen 1', openingHours: days.map((date) => ({ date, from: '00:00', to: '23:59' })) });
  const clerk = await em.findOneOrFail(User, { username: 'valgmedarbeider' });
  em.create(VotingPlaceStaff, { municipality: municipality.id, votingPlace: place, user: clerk });
  const people = syntheticPersonalNumbers(300, 5000);
  const voters = people.map((p, i) =>
    em.create(RollVoter, {
      electionId: election.id,
      personalNumber: p.personalNumber,
      municipality: municipality.id,
      givenName: (i % 2 ? GIVEN_FEMALE : GIVEN_MALE)[i % 20]!,
      familyName: FAMILY[(i * 7) % FAMILY.length]!,
      birthDate: p.birthDate,
      address: `Storgata ${1 + (i % 90)}`,
      municipalityNumber: i < 250 ? municipality.number : '0301',
      district: i < 250 ? '0001 Sentrum' : '0301 Oslo',
    }),
  );
  // Votes on earlier days: approved plain votes, one voter of Oslo in an envelope, one who voted twice.
  const vote = (i: number, dayOffset: number, status: 'approved' | 'received', reason: AdvanceVote['envelopeReason']) =>
    em.create(AdvanceVote, {
      municipality: municipality.id,
      election,
      personalNumber: voters[i]!.personalNumber,
      voterMunicipalityNumber: voters[i]!.municipalityNumber,
      votingPlace: place,
      clerkId: clerk.id,
      castAt: new Date(`${addDays(today, dayOffset)}T${String(9 + (i % 8)).padStart(2, '0')}:15:00+01:00`),
      kind: 'ordinary',
      envelope: reason !== null,
      envelopeReason: reason,
      status,
      idempotencyKey: `demo-${i}-${dayOffset}`,
    });
  for (let i = 0; i < 24; i++) vote(i, -1 - (i % 5), 'approved', null);
  vote(260, -2, 'received', 'other_municipality');
  vote(3, -1, 'received', 'already_voted');
}
