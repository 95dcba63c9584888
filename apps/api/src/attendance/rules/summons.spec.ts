import { describe, expect, it } from '@jest/globals';
import type { SummonsStatus } from '@sekretariat/contracts';
import { proposeSubstitute, type SubstituteCandidate } from '../../bodies/rules/substitutes.js';
import { alreadyAsked, answerRefusal, due, nextStep, summonsDeadline, transition } from './summons.js';

const H = 3_600_000;
const now = new Date('2027-03-01T10:00:00Z');
const meeting = new Date('2027-03-03T17:00:00Z');

const subs: SubstituteCandidate[] = [
  { personId: 'a1', name: 'Aud Ap', list: 'Ap', rank: 1 },
  { personId: 'a2', name: 'Arne Ap', list: 'Ap', rank: 2 },
  { personId: 'a3', name: 'Anne Ap', list: 'Ap', rank: 3 },
  { personId: 'h1', name: 'Hege H', list: 'H', rank: 1 },
];

/** The service's loop in miniature: ask, answer, move on. */
function simulate(answers: Array<'accept' | 'decline' | 'expire'>) {
  const asked: { personId: string; status: SummonsStatus; deadline: Date }[] = [];
  let exhausted: string | null = null;
  let clock = now;
  const ask = () => {
    const unavailable = new Map(alreadyAsked(asked).map((id) => [id, 'declined' as const]));
    const step = nextStep(proposeSubstitute({ absentMemberList: 'Ap', substitutes: subs, unavailable, order: 'per_list' }), clock, meeting, 24);
    if (step.kind === 'exhausted') exhausted = step.explanation;
    else asked.push({ personId: step.substitute.personId, status: 'pending', deadline: step.deadline });
  };
  ask();
  for (const answer of answers) {
    const open = asked.find((s) => s.status === 'pending');
    if (!open) break;
    if (answer === 'expire') {
      clock = new Date(open.deadline.getTime() + 1000);
      for (const s of due(asked, clock)) s.status = transition(s.status, 'expire')!;
    } else {
      expect(answerRefusal(open, meeting, clock)).toBeNull();
      open.status = transition(open.status, answer)!;
    }
    if (open.status !== 'accepted') ask();
  }
  return { asked, exhausted };
}

describe('calling in substitutes', () => {
  it('asks the first substitute on the absent member’s list', () => {
    const { asked } = simulate([]);
    expect(asked).toEqual([{ personId: 'a1', status: 'pending', deadline: new Date(now.getTime() + 24 * H) }]);
  });

  it('moves to the next on a decline and stops at an acceptance', () => {
    const { asked, exhausted } = simulate(['decline', 'accept']);
    expect(asked.map((s) => [s.personId, s.status])).toEqual([
      ['a1', 'declined'],
      ['a2', 'accepted'],
    ]);
    expect(exhausted).toBeNull();
  });

  it('moves to the next when the deadline passes without an answer', () => {
    const { asked } = simulate(['expire']);
    expect(asked.map((s) => [s.personId, s.status])).toEqual([
      ['a1', 'expired'],
      ['a2', 'pending'],
    ]);
  });

  it('leaves the seat empty, and says why, when the list is exhausted (never another list)', () => {
    const { asked, exhausted } = simulate(['decline', 'expire', 'decline']);
    expect(asked.map((s) => s.status)).toEqual(['declined', 'expired', 'declined']);
    expect(asked.some((s) => s.personId === 'h1')).toBe(false);
    expect(exhausted).toContain('Ingen på varalista for Ap kan møte');
  });

  it('never sets a deadline after the meeting starts, and asks no one once it has started', () => {
    expect(summonsDeadline(now, meeting, 24)).toEqual(new Date(now.getTime() + 24 * H));
    expect(summonsDeadline(now, meeting, 100)).toEqual(meeting);
    const proposal = { substitute: subs[0]!, explanation: '' };
    expect(nextStep(proposal, meeting, meeting, 24)).toMatchObject({ kind: 'exhausted' });
  });
});

describe('the summons state machine', () => {
  it('allows answers only while pending', () => {
    expect(transition('pending', 'accept')).toBe('accepted');
    expect(transition('pending', 'decline')).toBe('declined');
    expect(transition('pending', 'expire')).toBe('expired');
    expect(transition('accepted', 'withdraw')).toBe('withdrawn');
    expect(transition('accepted', 'decline')).toBeNull();
    expect(transition('declined', 'accept')).toBeNull();
    expect(transition('expired', 'accept')).toBeNull();
    expect(transition('withdrawn', 'accept')).toBeNull();
  });

  it('refuses late and repeated answers with a reason', () => {
    const deadline = new Date(now.getTime() + H);
    expect(answerRefusal({ status: 'pending', deadline }, meeting, now)).toBeNull();
    expect(answerRefusal({ status: 'accepted', deadline }, meeting, now)).toBe('already_answered');
    expect(answerRefusal({ status: 'pending', deadline }, meeting, deadline)).toBe('expired');
    expect(answerRefusal({ status: 'expired', deadline }, meeting, now)).toBe('expired');
    expect(answerRefusal({ status: 'pending', deadline: meeting }, meeting, meeting)).toBe('meeting_started');
  });

  it('counts withdrawn summonses as not asked', () => {
    expect(
      alreadyAsked([
        { personId: 'x', status: 'declined' },
        { personId: 'y', status: 'withdrawn' },
        { personId: 'z', status: 'accepted' },
        { personId: 'x', status: 'expired' },
      ]),
    ).toEqual(['x', 'z']);
  });
});
