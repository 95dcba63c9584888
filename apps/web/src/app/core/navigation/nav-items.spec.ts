import {
  MAX_TOP_LEVEL,
  type NavItem,
  NAV_ITEMS,
  activeNavPath,
  navEntriesFor,
  navItemsFor,
} from './nav-items';

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

  it('gives all staff Personer and Søk, staff but officials Møter,, and only editors Import, Gruppestøtte and Saker', () => {
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
    // An elected official has «Mine møter» and the public calendar, not the staff's meeting list.
    expect(labels(['official'])).toEqual([
      'nav.home',
      'nav.bodies',
      'nav.people',
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

  const top = (callers: Parameters<typeof navItemsFor>[0]) =>
    navEntriesFor(navItemsFor(callers)).map((entry) =>
      entry.kind === 'link'
        ? entry.item.labelKey
        : `${entry.labelKey}: ${entry.items.map((item) => item.labelKey).join(', ')}`,
    );

  it('shows visitors and officials every entry on its own (they fit)', () => {
    expect(top(['public'])).toEqual([
      'nav.home',
      'nav.bodies',
      'public.nav.calendar',
      'weddings.nav.booking',
    ]);
    expect(top(['official'])).toEqual([
      'nav.home',
      'nav.bodies',
      'public.nav.calendar',
      'nav.people',
      'reader.nav.myMeetings',
      'documents.nav.search',
    ]);
  });

  it('folds the largest groups until at most seven entries are left, a group where its first item was', () => {
    // The secretariat also organises the elections: eleven items, two groups folded.
    expect(top(['secretariat'])).toEqual([
      'nav.home',
      'nav.groups.register: nav.bodies, nav.people, nav.import, nav.grants',
      'nav.groups.meetings: public.nav.calendar, meetings.nav.meetings, meetings.nav.cases, reader.nav.myMeetings',
      'documents.nav.search',
      'elections.nav.elections',
    ]);
    expect(top(['admin'])).toEqual([
      'nav.home',
      'nav.groups.register: nav.bodies, nav.people, nav.import, nav.grants',
      'nav.groups.meetings: public.nav.calendar, meetings.nav.meetings, meetings.nav.cases, reader.nav.myMeetings',
      'documents.nav.search',
      'nav.groups.elections: elections.nav.elections, elections.nav.counter, outreach.nav.staff',
      'weddings.nav.staff',
      'settings.nav',
    ]);
    for (const callers of [
      ['admin'],
      ['secretariat'],
      ['election_staff'],
      ['election_board'],
      ['wedding_staff'],
      ['official', 'wedding_officiant'],
    ] as const) {
      expect(navEntriesFor(navItemsFor(callers)).length).toBeLessThanOrEqual(MAX_TOP_LEVEL);
    }
  });

  it('never folds a group of one', () => {
    const items: NavItem[] = [
      { path: '/a', labelKey: 'a', audience: 'everyone', group: 'meetings' },
      { path: '/b', labelKey: 'b', audience: 'everyone', group: 'register' },
      { path: '/c', labelKey: 'c', audience: 'everyone' },
    ];
    expect(navEntriesFor(items, 1).map((entry) => entry.kind)).toEqual(['link', 'link', 'link']);
  });

  it('uses unique paths', () => {
    const paths = NAV_ITEMS.map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
