import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { findBadText } from '../text.js';
import { invalidText } from './text-input.js';

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.code === 'unrecognized_keys' ? `Ukjent felt: ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** Parses a request part with a contract schema; a failure is a 400 listing every bad field, text the API does not take a 400 INVALID_TEXT. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    readonly schema: S,
    private readonly code = 'VALIDATION_FAILED',
  ) {}

  transform(value: unknown): z.infer<S> {
    // The request hook (text-input.ts) has checked params, query and JSON body; this covers what
    // a route parses itself, e.g. multipart fields.
    const bad = findBadText(value);
    if (bad !== null) throw invalidText(bad);
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new DomainError(this.code, 'Noen felt er ikke riktig utfylt.', 400, zodIssuesToFields(result.error.issues));
  }
}

/** `@Body(zod(LoginRequest)) body: LoginRequest` */
export const zod = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema);
