import { describe, expect, it } from '@jest/globals';
import { addressKey, groupIntoRoutes, timeWindows } from './routes.js';

const a = (id: string, postcode: string, address: string, name = `Velger ${id}`) => ({ id, postcode, address, name });

describe('grouping home visits into routes', () => {
  it('orders by postcode, then street, then house number as a number', () => {
    const groups = groupIntoRoutes([a('1', '9991', 'Storgata 10'), a('2', '9990', 'Åsveien 1'), a('3', '9991', 'Storgata 2'), a('4', '9991', 'Bakken 5'), a('5', '9990', 'Bekkveien 3')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.area).toBe('9990–9991');
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['5', '2', '4', '3', '1']);
  });

  it('starts a new route when the postal region changes', () => {
    const groups = groupIntoRoutes([a('1', '9990', 'Storgata 1'), a('2', '8010', 'Havnegata 4'), a('3', '9995', 'Fjellveien 2')]);
    expect(groups.map((g) => [g.area, g.items.map((i) => i.id)])).toEqual([
      ['8010', ['2']],
      ['9990–9995', ['1', '3']],
    ]);
  });

  it('starts a new route when one is full', () => {
    const items = Array.from({ length: 5 }, (_, i) => a(String(i), '9990', `Storgata ${i + 1}`));
    const groups = groupIntoRoutes(items, 2);
    expect(groups.map((g) => g.items.length)).toEqual([2, 2, 1]);
  });

  it('reads street, number and letter from an address', () => {
    expect(addressKey('Storgata 12 B, 2. etasje')).toEqual(['storgata', 12, 'b']);
    expect(addressKey('Gården')).toEqual(['gården', 0, '']);
  });

  it('is the same whatever order the applications come in', () => {
    const items = [a('1', '9991', 'Storgata 10'), a('2', '9990', 'Åsveien 1'), a('3', '9991', 'Storgata 2')];
    expect(groupIntoRoutes([...items].reverse())).toEqual(groupIntoRoutes(items));
  });

  it('gives one time window per stop, refusing a day that runs past midnight', () => {
    expect(timeWindows('10:00', 30, 3)).toEqual([
      { from: '10:00', to: '10:30' },
      { from: '10:30', to: '11:00' },
      { from: '11:00', to: '11:30' },
    ]);
    expect(timeWindows('23:00', 30, 3)).toBeNull();
  });
});
