import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes semicolon CSV with a BOM, quoting where needed', () => {
    expect(toCsv(['Navn', 'Parti'], [['Åse "Bø" Ødegård', 'Ap'], ['Per; Pål', null]])).toBe(
      '\uFEFFNavn;Parti\r\n"Åse ""Bø"" Ødegård";Ap\r\n"Per; Pål";\r\n',
    );
  });

  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x")']])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
