import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') });
export const ReadyResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.boolean(),
  migrationsPending: z.number().int(),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;
