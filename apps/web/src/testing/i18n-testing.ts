import attendanceEn from '../../public/i18n/attendance/en.json';
import attendanceNb from '../../public/i18n/attendance/nb.json';
import attendanceNn from '../../public/i18n/attendance/nn.json';
import { TranslocoTestingModule, type TranslocoTestingOptions } from '@jsverse/transloco';
import electionsEn from '../../public/i18n/elections/en.json';
import electionsNb from '../../public/i18n/elections/nb.json';
import electionsNn from '../../public/i18n/elections/nn.json';
import meetingsEn from '../../public/i18n/meetings/en.json';
import meetingsNb from '../../public/i18n/meetings/nb.json';
import meetingsNn from '../../public/i18n/meetings/nn.json';
import minutesEn from '../../public/i18n/minutes/en.json';
import minutesNb from '../../public/i18n/minutes/nb.json';
import minutesNn from '../../public/i18n/minutes/nn.json';
import publicEn from '../../public/i18n/public/en.json';
import publicNb from '../../public/i18n/public/nb.json';
import publicNn from '../../public/i18n/public/nn.json';
import readerEn from '../../public/i18n/reader/en.json';
import readerNb from '../../public/i18n/reader/nb.json';
import readerNn from '../../public/i18n/reader/nn.json';
import documentsEn from '../../public/i18n/documents/en.json';
import documentsNb from '../../public/i18n/documents/nb.json';
import documentsNn from '../../public/i18n/documents/nn.json';
import weddingsEn from '../../public/i18n/weddings/en.json';
import weddingsNb from '../../public/i18n/weddings/nb.json';
import weddingsNn from '../../public/i18n/weddings/nn.json';
import settingsEn from '../../public/i18n/settings/en.json';
import settingsNb from '../../public/i18n/settings/nb.json';
import settingsNn from '../../public/i18n/settings/nn.json';
import outreachEn from '../../public/i18n/outreach/en.json';
import outreachNb from '../../public/i18n/outreach/nb.json';
import outreachNn from '../../public/i18n/outreach/nn.json';
import en from '../../public/i18n/en.json';
import nb from '../../public/i18n/nb.json';
import nn from '../../public/i18n/nn.json';

export const TRANSLATIONS = { nb, nn, en } as const;

/** The scopes' files (core/i18n/scopes.ts): their keys are `<scope>.<key>` in the app. */
export const SCOPED_TRANSLATIONS = {
  attendance: { nb: attendanceNb, nn: attendanceNn, en: attendanceEn },
  documents: { nb: documentsNb, nn: documentsNn, en: documentsEn },
  elections: { nb: electionsNb, nn: electionsNn, en: electionsEn },
  meetings: { nb: meetingsNb, nn: meetingsNn, en: meetingsEn },
  minutes: { nb: minutesNb, nn: minutesNn, en: minutesEn },
  reader: { nb: readerNb, nn: readerNn, en: readerEn },
  public: { nb: publicNb, nn: publicNn, en: publicEn },
  weddings: { nb: weddingsNb, nn: weddingsNn, en: weddingsEn },
  settings: { nb: settingsNb, nn: settingsNn, en: settingsEn },
  outreach: { nb: outreachNb, nn: outreachNn, en: outreachEn },
} as const;

const SCOPED_LANGS = Object.fromEntries(
  Object.entries(SCOPED_TRANSLATIONS).flatMap(([scope, files]) =>
    Object.entries(files).map(([lang, file]) => [`${scope}/${lang}`, file]),
  ),
);

/** Transloco with the real translation files (scopes included), synchronously available, for component tests. */
export function translocoTesting(options: Partial<TranslocoTestingOptions> = {}) {
  return TranslocoTestingModule.forRoot({
    langs: { ...TRANSLATIONS, ...SCOPED_LANGS },
    translocoConfig: {
      availableLangs: ['nb', 'nn', 'en'],
      defaultLang: 'nb',
      reRenderOnLangChange: true,
    },
    preloadLangs: true,
    ...options,
  });
}
