import { describe, expect, it } from '@jest/globals';
import { safeFilename } from './documents.service.js';
import { snippetParts } from './search.service.js';

describe('snippetParts', () => {
  it('splits a headline at its markers into plain text parts', () => {
    expect(snippetParts('Nye \u0001barnehager\u0002 i <b>sentrum</b> og \u0001barnehage\u0002')).toEqual([
      { text: 'Nye ', mark: false },
      { text: 'barnehager', mark: true },
      { text: ' i <b>sentrum</b> og ', mark: false },
      { text: 'barnehage', mark: true },
    ]);
  });

  it('copes with an unclosed marker and empty input', () => {
    expect(snippetParts('a \u0001b')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('safeFilename', () => {
  it('keeps the name without folders, quotes or control characters', () => {
    expect(safeFilename('C:\\Users\\kari\\Søknad "endelig".pdf', 'pdf')).toBe('Søknad endelig.pdf');
    expect(safeFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFilename('', 'png')).toBe('dokument.png');
  });
});
