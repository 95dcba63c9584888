import { z } from 'zod';

/** Roles a signed-in user can hold. Visitors without a session act as `public`. */
export const ROLES = ['admin', 'secretariat', 'official', 'election_staff', 'election_board', 'wedding_staff', 'wedding_officiant'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export type Caller = Role | 'public';

export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
export type IdParams = z.infer<typeof IdParams>;

/** Every error the API sends has this shape; `code` is stable and meant for programs. */
export const ErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });
