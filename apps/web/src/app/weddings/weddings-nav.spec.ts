import { NAV_ITEMS, activeNavPath, navItemsFor } from '../core/navigation/nav-items';

describe('weddings in the main navigation', () => {
  const weddingEntries = (callers: Parameters<typeof navItemsFor>[0]) =>
    navItemsFor(callers)
      .filter((item) => item.path === '/vigsel' || item.path.startsWith('/vigsler'))
      .map((item) => item.labelKey);

  it('gives visitors the booking and the wedding staff and admin the list', () => {
    expect(weddingEntries(['public'])).toEqual(['weddings.nav.booking']);
    expect(weddingEntries(['wedding_staff'])).toEqual(['weddings.nav.staff']);
    expect(weddingEntries(['admin'])).toEqual(['weddings.nav.staff']);
  });

  it("gives the officiant their own ceremonies, not the staff's list", () => {
    expect(weddingEntries(['wedding_officiant'])).toEqual(['weddings.nav.mine']);
    expect(activeNavPath('/vigsler/mine', navItemsFor(['wedding_officiant']))).toBe(
      '/vigsler/mine',
    );
  });

  it('gives other staff neither', () => {
    for (const role of ['secretariat', 'official', 'election_staff', 'election_board'] as const) {
      expect(weddingEntries([role])).toEqual([]);
    }
  });

  it('marks the booking on its receipt and manage pages, the list on the list', () => {
    expect(activeNavPath('/vigsel/V-2027-0042', NAV_ITEMS)).toBe('/vigsel');
    expect(activeNavPath('/vigsel/bekreftelse', NAV_ITEMS)).toBe('/vigsel');
    expect(activeNavPath('/vigsler', NAV_ITEMS)).toBe('/vigsler');
  });
});
