import type { Caller } from '@sekretariat/contracts';

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
];

export function navItemsFor(
  callers: readonly Caller[],
  items: readonly NavItem[] = NAV_ITEMS,
): NavItem[] {
  return items.filter(
    (item) => item.audience === 'everyone' || item.audience.some((role) => callers.includes(role)),
  );
}
