import { describe, expect, it } from '@jest/globals';
import { maskPersonalNumber } from './personal-number.js';

// checkPersonalNumber is tested with its rule in packages/contracts (personal-number.spec.ts).
describe('maskPersonalNumber', () => {
  it('masks all but the birth date', () => {
    expect(maskPersonalNumber('16822548834')).toBe('168225*****');
  });
});
