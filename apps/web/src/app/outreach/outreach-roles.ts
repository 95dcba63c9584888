import type { Role } from '@sekretariat/contracts';

/** Who does outreach voting (the API's STAFF). */
export const OUTREACH_STAFF_ROLES: readonly Role[] = ['election_staff', 'admin'];
/** Who may read it (the API's READERS): the board too, without the applicants' reasons. */
export const OUTREACH_READ_ROLES: readonly Role[] = ['election_staff', 'admin', 'election_board'];
