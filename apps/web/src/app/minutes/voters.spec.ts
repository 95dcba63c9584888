import {
  ANNE,
  BJORN,
  CARL,
  DINA,
  EVA,
  ITEM_1,
  ITEM_2,
  attendee,
  item,
  minutes,
} from './minutes-fixtures';
import { groupByParty, presentMembers, votersInItem } from './voters';

describe('who votes in an item (as the API counts)', () => {
  it('counts members present, not the absent, not officers', () => {
    const m = minutes({
      attendees: [
        ...minutes().attendees,
        attendee({
          id: 'a0000000-0000-4000-8000-000000000009',
          name: 'Rådmann Rå',
          role: 'officer',
        }),
      ],
    });
    expect(votersInItem(m, m.items[0]!).map((v) => v.personId)).toEqual([ANNE, BJORN, CARL, DINA]);
  });

  it('follows arrivals and departures by item (inclusive), one-item substitutes and disqualifications', () => {
    const base = minutes();
    const SUB = '55555555-5555-4555-8555-555555555555';
    const m = minutes({
      attendees: [
        { ...base.attendees[0]!, fromItemId: ITEM_2 },
        { ...base.attendees[1]!, toItemId: ITEM_1 },
        base.attendees[2]!,
        base.attendees[3]!,
        { ...base.attendees[4]!, present: true, personId: EVA },
        attendee({
          id: 'a0000000-0000-4000-8000-000000000010',
          personId: SUB,
          name: 'Vara Vik',
          party: 'H',
          role: 'substitute',
          onlyItemId: ITEM_2,
        }),
      ],
      items: [
        item(),
        item({
          id: ITEM_2,
          number: 'PS 2/27',
          disqualifications: [
            {
              id: 'd0000000-0000-4000-8000-000000000001',
              personId: DINA,
              name: 'Dina Dø',
              ground: 'fvl6-2',
              citation: 'fvl. § 6 annet ledd',
              disqualified: true,
              note: '',
            },
            {
              id: 'd0000000-0000-4000-8000-000000000002',
              personId: CARL,
              name: 'Carl Cø',
              ground: 'fvl6-1-a',
              citation: 'fvl. § 6 første ledd bokstav a',
              disqualified: false,
              note: '',
            },
          ],
        }),
      ],
    });
    expect(votersInItem(m, m.items[0]!).map((v) => v.personId)).toEqual([BJORN, CARL, DINA, EVA]);
    expect(votersInItem(m, m.items[1]!).map((v) => v.personId)).toEqual([ANNE, CARL, EVA, SUB]);
    // Chair and signatories: present for the whole meeting, not a one-item substitute.
    expect(presentMembers(m).map((v) => v.personId)).toEqual([ANNE, BJORN, CARL, DINA, EVA]);
  });

  it('groups voters by party, biggest first, independents each on their own at the end', () => {
    const groups = groupByParty([
      { personId: '1', name: 'A', party: 'Sp' },
      { personId: '2', name: 'B', party: null },
      { personId: '3', name: 'C', party: 'H' },
      { personId: '4', name: 'D', party: 'H' },
      { personId: '5', name: 'E', party: null },
    ]);
    expect(groups.map((g) => [g.party, g.voters.map((v) => v.personId)])).toEqual([
      ['H', ['3', '4']],
      ['Sp', ['1']],
      [null, ['2']],
      [null, ['5']],
    ]);
  });
});
