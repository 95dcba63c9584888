import { describe, expect, it } from '@jest/globals';
import { APPLICATION_STATUSES } from '@sekretariat/contracts';
import { allowedNext, canTransition, markSteps } from './status.js';

describe('home-voting application status', () => {
  it('follows received → approved → visited → an outcome', () => {
    expect(canTransition('received', 'approved')).toBe(true);
    expect(canTransition('approved', 'visited')).toBe(true);
    for (const o of ['voted', 'not_at_home', 'refused'] as const) expect(canTransition('visited', o)).toBe(true);
  });

  it('refuses skipping approval, going back, and anything after a final status', () => {
    expect(canTransition('received', 'visited')).toBe(false);
    expect(canTransition('received', 'voted')).toBe(false);
    expect(canTransition('approved', 'received')).toBe(false);
    for (const final of ['voted', 'refused', 'withdrawn'] as const) {
      expect(allowedNext(final)).toEqual([]);
      for (const to of APPLICATION_STATUSES) expect(canTransition(final, to)).toBe(false);
    }
  });

  it('lets a voter not at home be approved again or withdraw, but not vote without a visit', () => {
    expect(canTransition('not_at_home', 'approved')).toBe(true);
    expect(canTransition('not_at_home', 'withdrawn')).toBe(true);
    expect(canTransition('not_at_home', 'voted')).toBe(false);
  });

  it('withdrawn from every open status', () => {
    for (const from of ['received', 'approved', 'visited', 'not_at_home'] as const) expect(canTransition(from, 'withdrawn')).toBe(true);
  });

  it('a mark goes through visited to its outcome, only from approved or visited', () => {
    expect(markSteps('approved', 'voted')).toEqual(['visited', 'voted']);
    expect(markSteps('visited', 'refused')).toEqual(['refused']);
    expect(markSteps('received', 'voted')).toBeNull();
    expect(markSteps('withdrawn', 'not_at_home')).toBeNull();
    expect(markSteps('voted', 'voted')).toBeNull();
  });
});
