import { describe, expect, it } from '@jest/globals';
import { archiveReferenceOf, caseNumberOf, compoundCandidates, compoundPart, searchTerms, tsqueryParts } from './search-terms.js';

describe('searchTerms', () => {
  it('makes every word a word beginning and widens it to its compounds', () => {
    const terms = searchTerms("'trafikk' & 'sikker'", new Map([['sikker', ['trafikksikker', 'usikker']]]));
    expect(terms.exact).toBe("'trafikk' & 'sikker'");
    expect(terms.prefix).toBe("'trafikk':* & 'sikker':*");
    expect(terms.match).toBe("'trafikk':* & ( 'sikker':* | 'trafikksikker' | 'usikker' )");
    expect(terms.rank).toBe(`( 'trafikk' & 'sikker' ) | ( ${terms.match} )`);
  });

  it('keeps negated words exact and unwidened, also inside a negated phrase', () => {
    expect(searchTerms("'barnehag' & !'nordbygd'").prefix).toBe("'barnehag':* & !'nordbygd'");
    expect(searchTerms("'skol' & !( 'ny' <-> 'bygg' )").prefix).toBe("'skol':* & !( 'ny' <-> 'bygg' )");
    expect(compoundCandidates(tsqueryParts("'skol' & !'bygg'")).map((c) => c.lexeme)).toEqual(['skol']);
  });

  it('reads quotes inside lexemes and quotes them back', () => {
    expect(tsqueryParts("'o''neil'")).toEqual([{ kind: 'word', lexeme: "o'neil", negated: false }]);
    expect(searchTerms("'o''neil'").prefix).toBe("'o''neil':*");
    expect(searchTerms('').match).toBe('');
    expect(searchTerms('').rank).toBe('');
  });

  it('takes an inflection ending off the part to find inside compounds, keeping three characters', () => {
    expect(compoundPart('støyen')).toBe('støy');
    expect(compoundPart('veien')).toBe('vei');
    expect(compoundPart('vei')).toBe('vei');
    expect(compoundCandidates(tsqueryParts("'ab'"))).toEqual([]);
  });
});

describe('case numbers and archive references', () => {
  it('reads a case number with or without its type, with a two- or four-digit year', () => {
    expect(caseNumberOf('PS 2/26')).toEqual({ type: 'PS', sequence: 2, year: 2026 });
    expect(caseNumberOf('ps 2/2026')).toEqual({ type: 'PS', sequence: 2, year: 2026 });
    expect(caseNumberOf('2/26')).toEqual({ type: null, sequence: 2, year: 2026 });
    expect(caseNumberOf('barnehage 2/26')).toBeNull();
    expect(caseNumberOf('0/26')).toBeNull();
  });

  it('normalises an archive reference to its stored form', () => {
    expect(archiveReferenceOf('26/1200')).toBe('26/1200');
    expect(archiveReferenceOf('2026/1200')).toBe('26/1200');
    expect(archiveReferenceOf(' 2026 / 01200 ')).toBe('26/1200');
    expect(archiveReferenceOf('2/26')).toBeNull();
    expect(archiveReferenceOf('1200/26')).toBeNull();
  });
});
