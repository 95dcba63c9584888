/**
 * Dates, times and numbers in the UI language, through ONE place. A browser formats with the first
 * locale of a list it has data for; Chromium builds without nynorsk data resolve `nn-NO` alone to
 * the default, US English ("Wednesday, December 16, 2026 at 6:00 PM", issue 15). So nynorsk asks for
 * nynorsk first and falls back to bokmål (the two share date formats but for month and day names),
 * bokmål for bokmål under its other tags, and English for British English.
 */
const FALLBACKS: Record<string, readonly string[]> = {
  nn: ['nn-NO', 'nn', 'nb-NO', 'no', 'nb'],
  nb: ['nb-NO', 'no', 'nb'],
  en: ['en-GB'],
};

/** The locale list to format in for a UI locale (`nn-NO`, `nb-NO`, `en-GB`) or language (`nn`). */
export function localesFor(locale: string): string[] {
  const language = locale.toLowerCase().split('-')[0] ?? '';
  const list = FALLBACKS[language === 'no' ? 'nb' : language];
  return list ? [...list] : [locale, ...FALLBACKS['nb']!];
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.DateTimeFormat` for the UI locale with its fallbacks; pass `timeZone` in the options. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localesFor(locale), options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A cached `Intl.NumberFormat` for the UI locale with its fallbacks. */
export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localesFor(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Forgets the cached formats (tests that change what the browser supports). */
export function clearFormatCache(): void {
  dateFormats.clear();
  numberFormats.clear();
}
