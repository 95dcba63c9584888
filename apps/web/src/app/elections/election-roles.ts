import type { Role } from '@sekretariat/contracts';

/** Who sets elections up and reads the figures (the API's ORGANISERS). */
export const ORGANISER_ROLES: readonly Role[] = ['admin', 'secretariat', 'election_board'];

/** Who works at the counter (the API's CLERKS); they register only where they are staff. */
export const CLERK_ROLES: readonly Role[] = ['election_staff', 'admin'];

/** Only the election board decides received votes (prøving) and cancels a registration. */
export const BOARD_ROLES: readonly Role[] = ['election_board'];
