import { describe, expect, it } from '@jest/globals';
import { CANCEL_REASON_MAX, toMeetingCancelInput } from './cancel-meeting-dialog';

describe('the cancellation request', () => {
  it('needs a reason, trimmed', () => {
    expect(toMeetingCancelInput('   ')).toEqual({
      field: 'cancel-reason',
      messageKey: 'meetings.cancel.reasonRequired',
    });
    expect(toMeetingCancelInput('  For få saker. ')).toEqual({ reason: 'For få saker.' });
  });

  it('refuses a reason longer than the API takes', () => {
    expect(toMeetingCancelInput('x'.repeat(CANCEL_REASON_MAX + 1))).toEqual({
      field: 'cancel-reason',
      messageKey: 'meetings.cancel.tooLong',
    });
  });
});
