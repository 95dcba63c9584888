import { describe, expect, it } from '@jest/globals';
import { HttpException, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { ApiExceptionFilter } from './exception.filter.js';
import { ZodPipe } from './zod.js';

describe('ApiExceptionFilter.toResponse', () => {
  const filter = new ApiExceptionFilter(null);

  it('keeps a domain error code, message and fields', () => {
    const e = new DomainError('WEDDING_SLOT_TAKEN', 'Tiden er allerede tatt.', 409, [{ path: 'start', message: 'opptatt' }]);
    expect(filter.toResponse(e)).toEqual({
      status: 409,
      body: { code: 'WEDDING_SLOT_TAKEN', message: 'Tiden er allerede tatt.', fields: [{ path: 'start', message: 'opptatt' }] },
    });
  });

  it('maps wrapped Fastify errors to stable codes', () => {
    const cause = Object.assign(new Error('Unexpected end of JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 });
    expect(filter.toResponse(new HttpException('x', 400, { cause })).body.code).toBe('MALFORMED_JSON');
  });

  it('maps database constraint errors without leaking SQL', () => {
    const res = filter.toResponse(Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' }));
    expect(res).toEqual({ status: 409, body: { code: 'CONFLICT', message: 'Dette finnes allerede.' } });
  });

  it('maps a violated foreign key the same on PostgreSQL 15 (23503) and 18 (23001 for on delete restrict)', () => {
    for (const code of ['23503', '23001']) {
      const res = filter.toResponse(Object.assign(new Error('update or delete on table "agenda_item" violates RESTRICT setting'), { code }));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
    }
  });

  it('hides unexpected errors behind a generic 500', () => {
    const res = filter.toResponse(new TypeError('cannot read properties of undefined (reading "x")'));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL_ERROR', message: 'Noe gikk galt hos oss. Prøv igjen senere.' });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(filter.toResponse(new NotFoundException()).body.code).toBe('NOT_FOUND');
    expect(filter.toResponse(new HttpException('slow down', 429)).body.code).toBe('RATE_LIMITED');
  });
});

describe('ZodPipe', () => {
  const pipe = new ZodPipe(z.strictObject({ name: z.string().min(1, 'Navn mangler.'), seats: z.number().int() }));

  it('returns parsed data', () => {
    expect(pipe.transform({ name: 'Formannskapet', seats: 7 })).toEqual({ name: 'Formannskapet', seats: 7 });
  });

  it('lists every bad field, including unknown ones', () => {
    try {
      pipe.transform({ name: '', seats: 'sju', colour: 'blå' });
      throw new Error('expected a validation error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const fields = (e as DomainError).fields!;
      expect(fields).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'Navn mangler.' },
          expect.objectContaining({ path: 'seats' }),
          { path: '(root)', message: 'Ukjent felt: colour' },
        ]),
      );
    }
  });
});
