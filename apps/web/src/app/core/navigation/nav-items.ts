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
  /** The menu entry the item goes under when the caller would see more than MAX_TOP_LEVEL entries. */
  readonly group?: NavGroupKey;
}

/** The groups of the main navigation; the label is `nav.groups.<key>`. */
export type NavGroupKey = 'meetings' | 'register' | 'elections' | 'weddings';

/** About seven top-level entries fit on one row at 1366 px. */
export const MAX_TOP_LEVEL = 7;

/** A top-level entry: a link, or a group of links behind a disclosure button. */
export type NavEntry =
  | { readonly kind: 'link'; readonly item: NavItem }
  | {
      readonly kind: 'group';
      readonly key: NavGroupKey;
      readonly labelKey: string;
      readonly items: readonly NavItem[];
    };

/**
 * The main navigation. Features add their entries here with the roles that
 * may use them; the header shows what the current caller may see.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', audience: 'everyone', exact: true },
  { path: '/organer', labelKey: 'nav.bodies', audience: 'everyone', group: 'register' },
  {
    path: '/motekalender',
    labelKey: 'public.nav.calendar',
    audience: 'everyone',
    group: 'meetings',
  },
  // Couples book without signing in; staff have their own list (/vigsler).
  { path: '/vigsel', labelKey: 'weddings.nav.booking', audience: ['public'], group: 'weddings' },
  { path: '/personer', labelKey: 'nav.people', audience: STAFF_ROLES, group: 'register' },
  { path: '/organer/import', labelKey: 'nav.import', audience: EDITOR_ROLES, group: 'register' },
  { path: '/gruppestotte', labelKey: 'nav.grants', audience: EDITOR_ROLES, group: 'register' },
  // The staff's meeting list; an elected official has «Mine møter» and the public calendar.
  {
    path: '/moter',
    labelKey: 'meetings.nav.meetings',
    audience: STAFF_ROLES.filter((role) => role !== 'official'),
    group: 'meetings',
  },
  { path: '/saker', labelKey: 'meetings.nav.cases', audience: EDITOR_ROLES, group: 'meetings' },
  { path: '/lesesal', labelKey: 'reader.nav.myMeetings', audience: STAFF_ROLES, group: 'meetings' },
  { path: '/sok', labelKey: 'documents.nav.search', audience: STAFF_ROLES },
  {
    path: '/valg',
    labelKey: 'elections.nav.elections',
    audience: ORGANISER_ROLES,
    group: 'elections',
  },
  {
    path: '/valg/skranke',
    labelKey: 'elections.nav.counter',
    audience: CLERK_ROLES,
    group: 'elections',
  },
  {
    path: '/utekontakt',
    labelKey: 'outreach.nav.staff',
    audience: OUTREACH_READ_ROLES,
    group: 'elections',
  },
  {
    path: '/vigsler',
    labelKey: 'weddings.nav.staff',
    audience: WEDDING_STAFF_ROLES,
    group: 'weddings',
  },
  { path: '/innstillinger', labelKey: 'settings.nav', audience: ['admin'] },
  {
    path: '/vigsler/mine',
    labelKey: 'weddings.nav.mine',
    audience: WEDDING_OFFICIANT_ROLES,
    group: 'weddings',
  },
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
 * The top-level entries for the caller's items: all of them as links when they fit in
 * `max`; otherwise the largest groups are folded behind a button one by one until they
 * fit. A group sits where its first item would have been.
 */
export function navEntriesFor(items: readonly NavItem[], max: number = MAX_TOP_LEVEL): NavEntry[] {
  const members = new Map<NavGroupKey, NavItem[]>();
  for (const item of items) {
    if (item.group) members.set(item.group, [...(members.get(item.group) ?? []), item]);
  }
  const folded = new Set<NavGroupKey>();
  let count = items.length;
  const candidates = [...members.entries()]
    .filter(([, group]) => group.length > 1)
    .sort((a, b) => b[1].length - a[1].length);
  for (const [key, group] of candidates) {
    if (count <= max) break;
    folded.add(key);
    count -= group.length - 1;
  }
  const entries: NavEntry[] = [];
  for (const item of items) {
    const key = item.group;
    if (key === undefined || !folded.has(key)) {
      entries.push({ kind: 'link', item });
    } else if (members.get(key)?.[0] === item) {
      const groupItems = members.get(key) ?? [];
      entries.push({ kind: 'group', key, labelKey: `nav.groups.${key}`, items: groupItems });
    }
  }
  return entries;
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
