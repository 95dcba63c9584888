import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPersonalNumber, personalNumberBirthDate } from '@sekretariat/contracts';
import { parseRollLine } from '../elections/roll-format.js';
import { fromRepoRoot } from '../common/paths.js';
import { syntheticPersonalNumbers } from './synthetic.js';

/** Test data passes the rule it is tested against: valid synthetic numbers whose date and century are the birth date. */
describe('synthetic personal numbers', () => {
  it('syntheticPersonalNumbers gives valid synthetic numbers for their birth dates', () => {
    for (const { personalNumber, birthDate } of syntheticPersonalNumbers(2000)) {
      expect(checkPersonalNumber(personalNumber)).toMatchObject({ valid: true, synthetic: true });
      expect(personalNumberBirthDate(personalNumber)).toBe(birthDate);
    }
  });

  it('npm run gen:roll writes valid lines whose numbers encode their birth dates, 1930–2007', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sek-gen-roll-'));
    const out = path.join(dir, 'roll.csv');
    // One full round of the generator's dates (1930–2007, 28 days a month) and a little more.
    execFileSync(process.execPath, [fromRepoRoot('scripts/gen-roll.mjs'), '--voters', '27000', '--out', out], { stdio: 'ignore' });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1);
    rmSync(dir, { recursive: true, force: true });
    expect(lines).toHaveLength(27000);
    const years = new Set<string>();
    for (const text of lines) {
      const line = parseRollLine(text);
      if (typeof line === 'string') throw new Error(`${text}: ${line}`);
      expect(checkPersonalNumber(line.personalNumber)).toMatchObject({ valid: true, synthetic: true });
      expect(personalNumberBirthDate(line.personalNumber)).toBe(line.birthDate);
      years.add(line.birthDate.slice(0, 4));
    }
    expect(years).toContain('1930');
    expect(years).toContain('2007');
  });
});
