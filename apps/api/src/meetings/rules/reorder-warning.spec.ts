import { describe, expect, it } from '@jest/globals';
import { agendaMoves, reorderWarning } from './reorder-warning.js';

describe('reorder warning', () => {
  it('names the items whose position changed, with their kept numbers', () => {
    expect(agendaMoves(['PS 1/27', 'PS 2/27', 'PS 3/27'], ['PS 1/27', 'PS 3/27', 'PS 2/27'])).toEqual([
      { number: 'PS 3/27', from: 3, to: 2 },
      { number: 'PS 2/27', from: 2, to: 3 },
    ]);
  });

  it('gives no warning when the order is unchanged', () => {
    expect(reorderWarning(['PS 1/27', 'PS 2/27'], ['PS 1/27', 'PS 2/27'])).toBeNull();
  });

  it('has a stable code and a message naming the moves', () => {
    const warning = reorderWarning(['PS 1/27', 'PS 2/27'], ['PS 2/27', 'PS 1/27'])!;
    expect(warning.code).toBe('AGENDA_ORDER_CHANGED_AFTER_NOTICE');
    expect(warning.message).toContain('PS 2/27 er nå nr. 1');
  });
});
