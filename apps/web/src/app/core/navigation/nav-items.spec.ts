import { type NavItem, NAV_ITEMS, activeNavPath, navItemsFor } from './nav-items';

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

  it('gives visitors Forside, Politiske organer, Møtekalender and Vigsel from the real configuration', () => {
    expect(navItemsFor(['public']).map((item) => item.labelKey)).toEqual([
      'nav.home',
      'nav.bodies',
      'public.nav.calendar',
      'weddings.nav.booking',
    ]);
  });

  it('gives everyone Møtekalender, signed in or not', () => {
    for (const callers of [
      ['public'],
      ['official'],
      ['secretariat'],
      ['election_staff'],
    ] as const) {
      expect(navItemsFor(callers).map((item) => item.path)).toContain('/motekalender');
    }
    expect(activeNavPath('/motekalender/3f2b/sak/9a1c', NAV_ITEMS)).toBe('/motekalender');
  });

  it('gives all staff Personer, Møter and Søk, and only editors Import, Gruppestøtte and Saker', () => {
    // The elections', weddings' and outreach entries are checked in elections/elections-nav.spec.ts, weddings/weddings-nav.spec.ts and below.
    const labels = (callers: Parameters<typeof navItemsFor>[0]) =>
      navItemsFor(callers)
        .map((item) => item.labelKey)
        .filter(
          (key) =>
            !key.startsWith('elections.') &&
            !key.startsWith('weddings.') &&
            !key.startsWith('outreach.') &&
            key !== 'public.nav.calendar',
        );
    expect(labels(['official'])).toEqual([
      'nav.home',
      'nav.bodies',
      'nav.people',
      'meetings.nav.meetings',
      'reader.nav.myMeetings',
      'documents.nav.search',
    ]);
    expect(labels(['election_board'])).toEqual([
      'nav.home',
      'nav.bodies',
      'nav.people',
      'meetings.nav.meetings',
      'reader.nav.myMeetings',
      'documents.nav.search',
    ]);
    for (const editor of ['admin', 'secretariat'] as const) {
      expect(labels([editor])).toEqual([
        'nav.home',
        'nav.bodies',
        'nav.people',
        'nav.import',
        'nav.grants',
        'meetings.nav.meetings',
        'meetings.nav.cases',
        'reader.nav.myMeetings',
        'documents.nav.search',
        // The municipality's settings are the admin's alone.
        ...(editor === 'admin' ? ['settings.nav'] : []),
      ]);
    }
  });

  it('marks only the most specific entry as the current page', () => {
    expect(activeNavPath('/', NAV_ITEMS)).toBe('/');
    expect(activeNavPath('/organer', NAV_ITEMS)).toBe('/organer');
    expect(activeNavPath('/organer/3f2b?x=1', NAV_ITEMS)).toBe('/organer');
    expect(activeNavPath('/organer/import', NAV_ITEMS)).toBe('/organer/import');
    expect(activeNavPath('/personer/ny', NAV_ITEMS)).toBe('/personer');
    expect(activeNavPath('/moter/nytt', NAV_ITEMS)).toBe('/moter');
    expect(activeNavPath('/lesesal/3f2b/sak/9a1c', NAV_ITEMS)).toBe('/lesesal');
    expect(activeNavPath('/saker/ny', NAV_ITEMS)).toBe('/saker');
    expect(activeNavPath('/sok', NAV_ITEMS)).toBe('/sok');
    expect(activeNavPath('/organerX', NAV_ITEMS)).toBeNull();
    expect(activeNavPath('/tilgjengelighet', NAV_ITEMS)).toBeNull();
  });

  it('gives election staff, the admin and the board Utekontakt, and nobody else', () => {
    for (const callers of [['election_staff'], ['admin'], ['election_board']] as const) {
      expect(navItemsFor(callers).map((item) => item.path)).toContain('/utekontakt');
    }
    for (const callers of [['public'], ['official'], ['secretariat'], ['wedding_staff']] as const) {
      expect(navItemsFor(callers).map((item) => item.path)).not.toContain('/utekontakt');
    }
    expect(activeNavPath('/utekontakt/rute/3f2b', NAV_ITEMS)).toBe('/utekontakt');
  });

  it('uses unique paths', () => {
    const paths = NAV_ITEMS.map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
