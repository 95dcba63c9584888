/**
 * Transloco scopes: a feature's texts in files of their own (`public/i18n/<scope>/<lang>.json`),
 * so that features can change their texts without touching the shared files. Their keys are
 * `<scope>.…` (e.g. `elections.counter.heading`).
 *
 * All scopes are loaded with the language, not when a page first needs them: the shell shows
 * their texts too (menu entries, page titles), and a scope is a few kilobytes.
 */
export const SCOPES = [
  'attendance',
  'elections',
  'meetings',
  'public',
  'reader',
  'documents',
  'minutes',
  'weddings',
  'settings',
  'outreach',
] as const;
export type Scope = (typeof SCOPES)[number];
