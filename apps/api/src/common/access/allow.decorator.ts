import { SetMetadata } from '@nestjs/common';
import type { Caller } from '@sekretariat/contracts';

export const ALLOW_KEY = 'sekretariat:allow';

/**
 * The callers a route admits. Routes without it refuse everyone: the guard denies by default.
 * `@Allow('public')` opens a route to visitors (and so to everyone).
 */
export const Allow = (...callers: Caller[]) => SetMetadata(ALLOW_KEY, callers);

/** Every signed-in staff role that may read the register of bodies. */
export const STAFF: Caller[] = ['admin', 'secretariat', 'official', 'election_staff', 'election_board'];

/** Those who keep the register: the secretariat and administrators. */
export const EDITORS: Caller[] = ['admin', 'secretariat'];
