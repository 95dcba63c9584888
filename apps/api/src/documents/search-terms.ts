/**
 * How search words become the tsqueries of a search (Migration20261208060000SearchMatching):
 *
 * - exact: `websearch_to_tsquery('norwegian', q)` as before (stemmed words, phrases, or, -);
 * - prefix: every word not negated also matches as a word beginning (`'budsjet':*` finds
 *   "budsjettet"; "trafikk" finds "trafikksikkerhet");
 * - match: the prefix query, each word widened to the compounds that contain it inside
 *   (`'sikker':* | 'trafikksikker' | …`), found in the municipality's word list.
 *
 * Built from PostgreSQL's own printed tsquery, so stemming, stop words and the websearch syntax
 * stay PostgreSQL's; the result is cast with `::tsquery` (no second normalisation).
 */

/** A word of the printed tsquery (a quoted lexeme) or the text between words. */
type Part = { kind: 'word'; lexeme: string; negated: boolean } | { kind: 'text'; text: string };

/** Splits `'barnehag' & !'nordbygd' | 'a''b'` into quoted lexemes and the operators between them. */
export function tsqueryParts(printed: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < printed.length) {
    const ch = printed[i]!;
    if (ch !== "'") {
      text += ch;
      i++;
      continue;
    }
    let lexeme = '';
    i++;
    while (i < printed.length) {
      if (printed[i] === "'" && printed[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else if (printed[i] === "'") {
        i++;
        break;
      } else {
        lexeme += printed[i]!;
        i++;
      }
    }
    // Negated: a `!` right before the word, or an open negated group (`!( 'a' <-> 'b' )`).
    const negated = /!\s*$/.test(text) || negatedGroupOpen(parts, text);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'word', lexeme, negated });
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** Whether the words so far stand inside a `!( … )` group that is still open. */
function negatedGroupOpen(parts: Part[], tail: string): boolean {
  const before = parts.map((p) => (p.kind === 'text' ? p.text : "''")).join('') + tail;
  const stack: boolean[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '(') stack.push(/!\s*$/.test(before.slice(0, i)));
    else if (before[i] === ')') stack.pop();
  }
  return stack.includes(true);
}

const quote = (lexeme: string): string => `'${lexeme.replaceAll("'", "''")}'`;

/**
 * The words to widen: not negated, with the part to look for inside compounds. The Norwegian
 * stemmer leaves some inflected words whole ("støyen") that it shortens at the end of a compound
 * ("trafikkstøyen" → "trafikkstøy"), so an inflection ending is taken off first; the part must
 * keep three characters.
 */
export function compoundCandidates(parts: Part[]): { lexeme: string; part: string }[] {
  const words = [...new Set(parts.flatMap((p) => (p.kind === 'word' && !p.negated ? [p.lexeme] : [])))];
  return words.flatMap((lexeme) => {
    const part = compoundPart(lexeme);
    return [...part].length >= 3 ? [{ lexeme, part }] : [];
  });
}

const ENDINGS = ['ene', 'ane', 'er', 'en', 'et', 'a', 'e'];

export function compoundPart(lexeme: string): string {
  for (const ending of ENDINGS) {
    if (lexeme.endsWith(ending) && [...lexeme].length - ending.length >= 3) return lexeme.slice(0, -ending.length);
  }
  return lexeme;
}

export interface SearchTerms {
  exact: string;
  prefix: string;
  match: string;
  /** What hits are ranked by: the exact words or'ed with the match (an exact word scores twice). */
  rank: string;
}

/** The three queries' text from the printed websearch query and each word's compounds. */
export function searchTerms(printed: string, compounds: ReadonlyMap<string, readonly string[]> = new Map()): SearchTerms {
  const parts = tsqueryParts(printed);
  const render = (word: (p: Extract<Part, { kind: 'word' }>) => string): string =>
    parts.map((p) => (p.kind === 'text' ? p.text : p.negated ? quote(p.lexeme) : word(p))).join('');
  const match = render((p) => {
    const more = compounds.get(p.lexeme) ?? [];
    return more.length ? `( ${[`${quote(p.lexeme)}:*`, ...more.map(quote)].join(' | ')} )` : `${quote(p.lexeme)}:*`;
  });
  return {
    exact: printed,
    prefix: render((p) => `${quote(p.lexeme)}:*`),
    match,
    rank: printed.trim() ? `( ${printed} ) | ( ${match} )` : '',
  };
}

/** A case number ("PS 2/26", "ps 2/2026", "2/26"): agenda item type, sequence and year. */
export interface CaseNumber {
  type: string | null;
  sequence: number;
  year: number;
}

const fullYear = (digits: string): number | null => {
  const n = Number(digits);
  if (digits.length === 2) return 2000 + n;
  return digits.length === 4 && n >= 1900 && n <= 2199 ? n : null;
};

/** The case number the words name, if they are one. */
export function caseNumberOf(q: string): CaseNumber | null {
  const m = /^\s*(?:([a-zæøå]{2})\s*)?(\d{1,5})\s*\/\s*(\d{2}|\d{4})\s*$/iu.exec(q);
  if (!m) return null;
  const year = fullYear(m[3]!);
  const sequence = Number(m[2]);
  if (year === null || sequence < 1) return null;
  return { type: m[1] ? m[1].toUpperCase() : null, sequence, year };
}

/** The archive reference ("26/1200", "2026/1200") as stored ("26/1200"), if the words are one. */
export function archiveReferenceOf(q: string): string | null {
  const m = /^\s*(\d{2}|\d{4})\s*\/\s*(\d{1,7})\s*$/u.exec(q);
  if (!m) return null;
  const year = fullYear(m[1]!);
  if (year === null) return null;
  return `${String(year % 100).padStart(2, '0')}/${Number(m[2])}`;
}
