/**
 * The outreach module's clock (the application deadline, the day of a visit), injectable so tests
 * can place themselves in an election's advance period. Its own token, so that the elections
 * module's CLOCK stays the only one of that name.
 */
export const OUTREACH_CLOCK = Symbol('OUTREACH_CLOCK');
