import { NAV_ITEMS, activeNavPath, navItemsFor } from '../core/navigation/nav-items';

describe('elections in the main navigation', () => {
  const electionEntries = (callers: Parameters<typeof navItemsFor>[0]) =>
    navItemsFor(callers)
      .filter((item) => item.path.startsWith('/valg'))
      .map((item) => item.labelKey);

  it('gives the organisers Valg and the clerks Stemmemottak', () => {
    expect(electionEntries(['secretariat'])).toEqual(['elections.nav.elections']);
    expect(electionEntries(['election_board'])).toEqual(['elections.nav.elections']);
    expect(electionEntries(['election_staff'])).toEqual(['elections.nav.counter']);
    expect(electionEntries(['admin'])).toEqual([
      'elections.nav.elections',
      'elections.nav.counter',
    ]);
  });

  it('shows neither to visitors and officials', () => {
    expect(electionEntries(['public'])).toEqual([]);
    expect(electionEntries(['official'])).toEqual([]);
  });

  it('marks the counter, not Valg, on the counter page', () => {
    expect(activeNavPath('/valg/skranke', NAV_ITEMS)).toBe('/valg/skranke');
    expect(activeNavPath('/valg/3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', NAV_ITEMS)).toBe('/valg');
  });
});
