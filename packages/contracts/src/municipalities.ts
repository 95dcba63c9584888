import { z } from 'zod';
import { MunicipalityRef } from './auth.js';

/** GET /api/municipalities/current: the municipality this host serves (by host name, else the default). */
export const CurrentMunicipalityResponse = MunicipalityRef;
export type CurrentMunicipalityResponse = z.infer<typeof CurrentMunicipalityResponse>;

export const MunicipalitySlugParams = z.strictObject({
  municipality: z.string().regex(/^[a-z0-9-]{2,50}$/, 'Ugyldig kommunenavn i adressen.'),
});
