export const DEFAULT_AFTER_LOGIN = '/organer';

/**
 * Only paths inside this app are followed after login, so a crafted link
 * (`?returnUrl=https://evil.example`) cannot send a user elsewhere.
 */
export function safeReturnUrl(candidate: string | null | undefined): string {
  if (
    !candidate ||
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.startsWith('/\\')
  ) {
    return DEFAULT_AFTER_LOGIN;
  }
  if (candidate.startsWith('/logg-inn')) {
    return DEFAULT_AFTER_LOGIN;
  }
  return candidate;
}
