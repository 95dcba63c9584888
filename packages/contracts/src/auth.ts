import { z } from 'zod';
import { Role } from './common.js';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1, 'Brukernavn mangler.').max(100),
  password: z.string().min(1, 'Passord mangler.').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MunicipalityRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), number: z.string() });
export type MunicipalityRef = z.infer<typeof MunicipalityRef>;

export const SessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  /** The elected official this user is (person in the register), if any. */
  personId: z.uuid().nullable(),
  municipality: MunicipalityRef,
});
export type SessionUser = z.infer<typeof SessionUser>;

/** GET /api/auth/me: the caller, or null for a visitor. */
export const MeResponse = z.object({ user: SessionUser.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;
