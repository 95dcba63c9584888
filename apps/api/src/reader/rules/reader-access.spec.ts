import { describe, expect, it } from '@jest/globals';
import { itemExempt, meetingAccess } from './reader-access.js';

describe('meetingAccess', () => {
  it('admits officials by seat or summons, once the notice is sent', () => {
    expect(meetingAccess({ status: 'notice_sent', seat: 'member', calledIn: false, staff: false })).toBe('member');
    expect(meetingAccess({ status: 'held', seat: 'substitute', calledIn: true, staff: false })).toBe('substitute');
    expect(meetingAccess({ status: 'held', seat: null, calledIn: true, staff: false })).toBe('called_in');
    expect(meetingAccess({ status: 'planned', seat: 'member', calledIn: false, staff: false })).toBeNull();
    expect(meetingAccess({ status: 'held', seat: null, calledIn: false, staff: false })).toBeNull();
  });

  it('admits staff to every meeting', () => {
    expect(meetingAccess({ status: 'planned', seat: null, calledIn: false, staff: true })).toBe('staff');
  });
});

describe('itemExempt', () => {
  it('is exempt when closed or the case is exempt', () => {
    expect(itemExempt({ closed: true, casePublic: true })).toBe(true);
    expect(itemExempt({ closed: false, casePublic: false })).toBe(true);
    expect(itemExempt({ closed: false, casePublic: null })).toBe(false);
  });
});
