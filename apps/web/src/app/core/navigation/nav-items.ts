import type { Caller } from '@sekretariat/contracts';
import { EDITOR_ROLES, STAFF_ROLES } from '../session/roles';
import { CLERK_ROLES, ORGANISER_ROLES } from '../../elections/election-roles';
import { WEDDING_OFFICIANT_ROLES, WEDDING_STAFF_ROLES } from '../../weddings/wedding-roles';
import { OUTREACH_READ_ROLES } from '../../outreach/outreach-roles';

/** One entry in the main navigation. */
export interface NavItem {
  /** Router path, absolute. */
  readonly path: string;
  /** Translation key of the link text. */
  readonly labelKey: string;
  /** Who sees the entry: everyone, or callers holding at least one of these roles ('public' = visitors). */
  readonly audience: 'everyone' | readonly Caller[];
  /** Highlight only on an exact URL match (for '/'). */
  readonly exact?: boolean;
}

/**
 * The main navigation. Features add their entries here with the roles that
 * may use them; the header shows what the current caller may see.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', audience: 'everyone', exact: true },
  { path: '/organer', labelKey: 'nav.bodies', audience: 'everyone' },
  { path: '/motekalender', labelKey: 'public.nav.calendar', audience: 'everyone' },
  // Couples book without signing in; staff have their own list (/vigsler).
  { path: '/vigsel', labelKey: 'weddings.nav.booking', audience: ['public'] },
  { path: '/personer', labelKey: 'nav.people', audience: STAFF_ROLES },
  { path: '/organer/import', labelKey: 'nav.import', audience: EDITOR_ROLES },
  { path: '/gruppestotte', labelKey: 'nav.grants', audience: EDITOR_ROLES },
  { path: '/moter', labelKey: 'meetings.nav.meetings', audience: STAFF_ROLES },
  { path: '/saker', labelKey: 'meetings.nav.cases', audience: EDITOR_ROLES },
  { path: '/lesesal', labelKey: 'reader.nav.myMeetings', audience: STAFF_ROLES },
  { path: '/sok', labelKey: 'documents.nav.search', audience: STAFF_ROLES },
  { path: '/valg', labelKey: 'elections.nav.elections', audience: ORGANISER_ROLES },
  { path: '/valg/skranke', labelKey: 'elections.nav.counter', audience: CLERK_ROLES },
  { path: '/utekontakt', labelKey: 'outreach.nav.staff', audience: OUTREACH_READ_ROLES },
  { path: '/vigsler', labelKey: 'weddings.nav.staff', audience: WEDDING_STAFF_ROLES },
  { path: '/innstillinger', labelKey: 'settings.nav', audience: ['admin'] },
  { path: '/vigsler/mine', labelKey: 'weddings.nav.mine', audience: WEDDING_OFFICIANT_ROLES },
];

export function navItemsFor(
  callers: readonly Caller[],
  items: readonly NavItem[] = NAV_ITEMS,
): NavItem[] {
  return items.filter(
    (item) => item.audience === 'everyone' || item.audience.some((role) => callers.includes(role)),
  );
}

/**
 * The entry for the current page: the one whose path is the longest prefix of the URL
 * (`/organer/import` is Import, `/organer/<id>` is Politiske organer), so that only one
 * link is marked as the current page.
 */
export function activeNavPath(url: string, items: readonly NavItem[]): string | null {
  const path = url.split(/[?#]/, 1)[0] ?? '/';
  let best: NavItem | null = null;
  for (const item of items) {
    const matches = item.exact
      ? path === item.path
      : path === item.path ||
        path.startsWith(item.path.endsWith('/') ? item.path : `${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) {
      best = item;
    }
  }
  return best?.path ?? null;
}
