import { type NavItem, NAV_ITEMS, navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  const items: readonly NavItem[] = [
    { path: '/', labelKey: 'nav.home', audience: 'everyone' },
    { path: '/moter/nytt', labelKey: 'nav.newMeeting', audience: ['secretariat', 'admin'] },
    { path: '/valg/forhand', labelKey: 'nav.advanceVotes', audience: ['election_staff'] },
    { path: '/bli-med', labelKey: 'nav.visitorsOnly', audience: ['public'] },
  ];

  it('shows visitors the items for everyone and for the public', () => {
    expect(navItemsFor(['public'], items).map((item) => item.path)).toEqual(['/', '/bli-med']);
  });

  it('shows staff the items for any of their roles', () => {
    expect(navItemsFor(['secretariat'], items).map((item) => item.path)).toEqual([
      '/',
      '/moter/nytt',
    ]);
    expect(navItemsFor(['official', 'election_staff'], items).map((item) => item.path)).toEqual([
      '/',
      '/valg/forhand',
    ]);
  });

  it('gives visitors Forside and Politiske organer from the real configuration', () => {
    expect(navItemsFor(['public']).map((item) => item.labelKey)).toEqual([
      'nav.home',
      'nav.bodies',
    ]);
    expect(navItemsFor(['admin'])).toEqual(navItemsFor(['public']));
  });

  it('uses unique paths', () => {
    const paths = NAV_ITEMS.map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
