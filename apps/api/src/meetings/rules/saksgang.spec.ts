import { describe, expect, it } from '@jest/globals';
import { orderSaksgang } from './saksgang.js';

describe('saksgang order', () => {
  it('follows the meetings in time, whatever order the items come in', () => {
    const steps = [
      { itemId: 'ks', meetingStartsAt: '2026-06-18T16:00:00.000Z', bodyName: 'Kommunestyret', number: 'PS 40/26' },
      { itemId: 'utv', meetingStartsAt: '2026-05-20T10:00:00.000Z', bodyName: 'Utvalg for plan og miljø', number: 'PS 12/26' },
      { itemId: 'fsk', meetingStartsAt: '2026-06-04T10:00:00+02:00', bodyName: 'Formannskapet', number: 'PS 31/26' },
    ];
    expect(orderSaksgang(steps).map((s) => s.itemId)).toEqual(['utv', 'fsk', 'ks']);
  });
  it('compares instants, not strings, across time zone offsets', () => {
    const steps = [
      { itemId: 'b', meetingStartsAt: '2026-03-10T18:00:00+01:00', bodyName: 'B', number: 'PS 1/26' },
      { itemId: 'a', meetingStartsAt: '2026-03-10T17:30:00Z', bodyName: 'A', number: 'PS 1/26' },
    ];
    expect(orderSaksgang(steps).map((s) => s.itemId)).toEqual(['b', 'a']);
  });
  it('breaks ties by body, then item number numerically', () => {
    const at = '2026-03-10T17:00:00.000Z';
    const steps = [
      { itemId: 'x10', meetingStartsAt: at, bodyName: 'Formannskapet', number: 'PS 10/26' },
      { itemId: 'k', meetingStartsAt: at, bodyName: 'Kommunestyret', number: 'PS 1/26' },
      { itemId: 'x9', meetingStartsAt: at, bodyName: 'Formannskapet', number: 'PS 9/26' },
    ];
    expect(orderSaksgang(steps).map((s) => s.itemId)).toEqual(['x9', 'x10', 'k']);
  });
  it('does not change its input', () => {
    const steps = [
      { itemId: 'b', meetingStartsAt: '2026-02-01T00:00:00Z', bodyName: 'B', number: 'PS 1/26' },
      { itemId: 'a', meetingStartsAt: '2026-01-01T00:00:00Z', bodyName: 'A', number: 'PS 1/26' },
    ];
    orderSaksgang(steps);
    expect(steps[0]!.itemId).toBe('b');
  });
});
