import { describe, expect, it } from '@jest/globals';
import { planEditable, statusTransition } from './meeting-status.js';

describe('meeting status transitions', () => {
  it('moves notice_sent → held → minutes_approved', () => {
    expect(statusTransition('notice_sent', 'held')).toEqual({ ok: true });
    expect(statusTransition('held', 'minutes_approved')).toEqual({ ok: true });
  });
  it('a planned meeting cannot be held before the notice is sent', () => {
    expect(statusTransition('planned', 'held')).toEqual({ ok: false, problem: 'MEETING_NOT_PUBLISHED' });
    expect(statusTransition('planned', 'minutes_approved')).toEqual({ ok: false, problem: 'MEETING_NOT_PUBLISHED' });
  });
  it('the notice is sent by publishing, not by setting the status', () => {
    expect(statusTransition('planned', 'notice_sent')).toEqual({ ok: false, problem: 'MEETING_PUBLISH_REQUIRED' });
  });
  it('minutes are approved only for a held meeting', () => {
    expect(statusTransition('notice_sent', 'minutes_approved')).toEqual({ ok: false, problem: 'MEETING_NOT_HELD' });
  });
  it('never goes back, nor stays', () => {
    expect(statusTransition('held', 'notice_sent')).toEqual({ ok: false, problem: 'MEETING_STATUS_BACKWARDS' });
    expect(statusTransition('minutes_approved', 'planned')).toEqual({ ok: false, problem: 'MEETING_STATUS_BACKWARDS' });
    expect(statusTransition('held', 'held')).toEqual({ ok: false, problem: 'MEETING_STATUS_UNCHANGED' });
  });
  it('the plan is fixed once the minutes are approved', () => {
    expect(planEditable('held')).toBe(true);
    expect(planEditable('minutes_approved')).toBe(false);
  });
});
