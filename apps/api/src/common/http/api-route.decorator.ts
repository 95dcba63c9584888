import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export interface ApiRouteMeta {
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON response schema; or a content type for files (e.g. 'application/pdf'). */
  response?: z.ZodType | string;
  status?: number;
}

export const API_ROUTE = 'sekretariat:api-route';

/** Describes a route for the OpenAPI document, with the same contract schemas the route validates with. */
export const ApiRoute = (meta: ApiRouteMeta) => SetMetadata(API_ROUTE, meta);
