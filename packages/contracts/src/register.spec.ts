import { describe, expect, it } from '@jest/globals';
import { LoginRequest } from './auth.js';
import { BodyInput, LeaveInput, MembershipInput, PersonInput } from './register.js';

const uuid = '3f1f7b8e-8a8e-4c6e-9d0a-0a7b8c9d0e1f';

describe('contract schemas', () => {
  it('refuses unknown fields in a login', () => {
    expect(LoginRequest.safeParse({ username: 'a', password: 'b', admin: true }).success).toBe(false);
  });

  it('refuses a term that ends before it starts', () => {
    const r = BodyInput.safeParse({ name: 'Eldrerådet', kind: 'eldreraad', seats: 5, termFrom: '2027-01-01', termTo: '2023-01-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['termTo']);
  });

  it('gives a body sensible defaults', () => {
    const r = BodyInput.parse({ name: 'Eldrerådet', kind: 'eldreraad', seats: 5, termFrom: '2023-10-01', termTo: '2027-09-30' });
    expect(r).toMatchObject({ electionMethod: 'forholdsvalg', substituteOrder: 'per_list', isPublic: true, parentId: null });
  });

  it('requires a rank for substitutes and none for members', () => {
    const base = { personId: uuid, kind: 'substitute', from: '2023-10-01' };
    expect(MembershipInput.safeParse(base).success).toBe(false);
    expect(MembershipInput.safeParse({ ...base, rank: 1 }).success).toBe(true);
    expect(MembershipInput.safeParse({ ...base, kind: 'member', rank: 1 }).success).toBe(false);
  });

  it('requires an end for leave, not for release', () => {
    expect(LeaveInput.safeParse({ kind: 'leave', from: '2025-01-01', reason: 'x' }).success).toBe(false);
    expect(LeaveInput.safeParse({ kind: 'release', from: '2025-01-01', reason: 'x' }).success).toBe(true);
  });

  it('checks the form of a personal number and an e-mail', () => {
    const p = { givenName: 'Åse', familyName: 'Ødegård', gender: 'female' };
    expect(PersonInput.safeParse({ ...p, personalNumber: '1234' }).success).toBe(false);
    expect(PersonInput.safeParse({ ...p, email: 'ikke-epost' }).success).toBe(false);
    expect(PersonInput.safeParse({ ...p, personalNumber: '16822548834', email: 'ase@example.org' }).success).toBe(true);
  });
});
