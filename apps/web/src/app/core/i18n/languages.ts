export const LANGS = ['nb', 'nn', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nb';

export interface LanguageOption {
  readonly code: Lang;
  /** The language's name in that language, shown as is in every UI language. */
  readonly autonym: string;
  /** Locale for Intl date and number formatting. */
  readonly locale: string;
}

export const LANGUAGE_OPTIONS: readonly LanguageOption[] = [
  { code: 'nb', autonym: 'Norsk bokmål', locale: 'nb-NO' },
  { code: 'nn', autonym: 'Norsk nynorsk', locale: 'nn-NO' },
  { code: 'en', autonym: 'English', locale: 'en-GB' },
];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
