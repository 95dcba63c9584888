import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The family every document uses; embedded from @fontsource/noto-sans so no system font is involved. */
export const DOCUMENT_FONT_FAMILY = 'Noto Sans';

/**
 * latin covers Norwegian (æøå), latin-ext the Sámi letters (á č đ ŋ š ŧ ž). Each face gets the subset's
 * unicode-range, so Chromium only embeds the subsets a document uses.
 */
const SUBSETS = ['latin', 'latin-ext'] as const;

/**
 * Bold must be a real font: without it Chromium synthesises bold as a Type 3 font, which screen readers and
 * PDF/UA checkers handle badly. Bold italic is left out on purpose (it is rare in our documents and costs
 * ~75 kB per render); Chromium slants the 700 face instead, which stays a TrueType font.
 */
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;

const require = createRequire(import.meta.url);

let cachedCss: string | undefined;

/** @font-face rules with the woff2 files inlined as data: URLs; computed once per process. */
export function fontFaceCss(): string {
  cachedCss ??= buildFontFaceCss();
  return cachedCss;
}

function buildFontFaceCss(): string {
  const unicodeRanges = JSON.parse(
    readFileSync(require.resolve('@fontsource/noto-sans/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    const unicodeRange = unicodeRanges[subset];
    if (!unicodeRange) throw new Error(`@fontsource/noto-sans has no unicode range for subset ${subset}`);
    for (const { weight, style } of FACES) {
      const file = require.resolve(
        `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-${style}.woff2`,
      );
      const base64 = readFileSync(file).toString('base64');
      rules.push(
        `@font-face{font-family:'${DOCUMENT_FONT_FAMILY}';font-style:${style};font-weight:${weight};` +
          `font-display:block;src:url(data:font/woff2;base64,${base64}) format('woff2');` +
          `unicode-range:${unicodeRange};}`,
      );
    }
  }
  return rules.join('\n');
}
