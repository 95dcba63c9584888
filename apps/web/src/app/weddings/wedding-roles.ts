import type { Role } from '@sekretariat/contracts';

/** Who runs the wedding bookings (the service centre), as the API's wedding staff. */
export const WEDDING_STAFF_ROLES: readonly Role[] = ['wedding_staff', 'admin'];

/** The officiants who sign in to see their own ceremonies (the API's wedding_officiant). */
export const WEDDING_OFFICIANT_ROLES: readonly Role[] = ['wedding_officiant'];
