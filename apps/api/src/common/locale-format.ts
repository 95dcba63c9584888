/**
 * Dates and times the API composes (PDFs, mails), per language through ONE helper: each language
 * asks for a list of locales, so a runtime without nynorsk data (a Node built with small-icu, a
 * trimmed image) falls back to bokmål instead of its default, US English (issue 15). The web has the
 * same lists (apps/web/src/app/core/i18n/locale-format.ts).
 */
export type FormatLanguage = 'nb' | 'nn' | 'en';

export const LOCALES: Readonly<Record<FormatLanguage, readonly string[]>> = {
  nb: ['nb-NO', 'no', 'nb'],
  nn: ['nn-NO', 'nn', 'nb-NO', 'no', 'nb'],
  en: ['en-GB'],
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached date/time format in Norwegian time (unless the options name another time zone). */
export function osloDateTimeFormat(language: FormatLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat([...LOCALES[language]], { timeZone: 'Europe/Oslo', ...options });
    formats.set(key, format);
  }
  return format;
}
